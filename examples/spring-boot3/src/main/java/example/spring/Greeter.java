package example.spring;

import org.springframework.stereotype.Service;

/** Compose greetings: a Spring bean for the web application, a plain object for the function. */
@Service
public class Greeter {

  /** Greet {@code name}, or the world when there is no name. */
  public String greet(String name) {
    return "Hello, " + (name == null || name.isBlank() ? "world" : name.strip());
  }
}
