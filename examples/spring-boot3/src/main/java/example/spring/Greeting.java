package example.spring;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A greeting, as both the Spring controller and the Lambda function answer it in JSON; {@code
 * caller} is the Cognito identity that called the API, absent when there is none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Greeting(String message, String caller) {}
