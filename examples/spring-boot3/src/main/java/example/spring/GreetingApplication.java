package example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The web application: {@code GET /greeting?name=…} on Spring MVC and Jetty. */
@SpringBootApplication
@RestController
public class GreetingApplication {

  private final Greeter greeter;

  /** Create the application's controller around the greeter bean. */
  public GreetingApplication(Greeter greeter) {
    this.greeter = greeter;
  }

  /** Greet by the name in the query. */
  @GetMapping("/greeting")
  public Greeting greeting(@RequestParam(required = false) String name) {
    return new Greeting(greeter.greet(name), null);
  }

  /** Run the web application. */
  public static void main(String[] args) {
    SpringApplication.run(GreetingApplication.class, args);
  }
}
