package dev.lambdalocal.apigateway.internal.mapping;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.MethodExceptionEventHandler;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.TemplateInitException;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;

/**
 * One mapping template, parsed once by Apache Velocity when the API is defined and rendered for
 * every request. The engine is set up as Velocity 1.7 behaved (the Velocity API Gateway's templates
 * are written for): an empty string is true in {@code #if}, names may contain hyphens, white space
 * around directives is kept as 1.7 kept it; a reference to nothing renders as nothing.
 */
public final class MappingTemplate {

  private static final RuntimeInstance ENGINE = engine();

  private final String name;
  private final Template template;

  private MappingTemplate(String name, Template template) {
    this.name = name;
    this.template = template;
  }

  /**
   * Parse {@code text}.
   *
   * @param text the template
   * @param name what error messages call it, e.g. {@code GET /users: request template
   *     application/json}
   * @throws IllegalArgumentException naming {@code name} and the line and column of a syntax error
   */
  public static MappingTemplate parse(String text, String name) {
    Template template = new Template();
    template.setName(name);
    template.setRuntimeServices(ENGINE);
    try {
      template.setData(ENGINE.parse(new StringReader(text), template));
      template.initDocument();
    } catch (ParseException e) {
      throw unparsable(name, new ParseErrorException(e, name));
    } catch (TemplateInitException e) {
      throw unparsable(name, e.getLineNumber(), e.getColumnNumber(), e);
    } catch (ParseErrorException e) {
      throw unparsable(name, e);
    }
    return new MappingTemplate(name, template);
  }

  /** Return what error messages call this template. */
  public String name() {
    return name;
  }

  /**
   * Render the template with {@code variables} ({@code input}, {@code util}, {@code context},
   * {@code stageVariables}).
   *
   * @throws RenderException naming the template and what failed
   */
  public String render(Map<String, Object> variables) {
    VelocityContext context = new VelocityContext(variables);
    EventCartridge events = new EventCartridge();
    events.addReferenceInsertionEventHandler(NULL_AS_EMPTY);
    events.addMethodExceptionHandler(RETHROW);
    events.attachToContext(context);
    StringWriter out = new StringWriter();
    try {
      template.merge(context, out);
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof RenderException function) {
          throw new RenderException(name + ": " + function.getMessage(), function.getCause());
        }
      }
      throw new RenderException(name + ": " + firstLine(String.valueOf(e.getMessage())), e);
    }
    return out.toString();
  }

  private static final ReferenceInsertionEventHandler NULL_AS_EMPTY =
      (context, reference, value) -> value == null ? "" : value;

  /** A function that throws fails the rendering (Velocity would otherwise print nothing). */
  private static final MethodExceptionEventHandler RETHROW =
      (context, type, method, exception, info) -> {
        throw new RenderException(
            "line "
                + info.getLine()
                + ", column "
                + info.getColumn()
                + ": "
                + method
                + "(…): "
                + exception.getMessage(),
            exception);
      };

  private static RuntimeInstance engine() {
    Properties properties = new Properties();
    properties.setProperty("directive.if.empty_check", "false");
    properties.setProperty("parser.allow_hyphen_in_identifiers", "true");
    properties.setProperty("space.gobbling", "bc");
    properties.setProperty("runtime.strict_mode.enable", "false");
    properties.setProperty("runtime.log.log_invalid_references", "false");
    properties.setProperty("resource.loaders", "string");
    properties.setProperty(
        "resource.loader.string.class",
        "org.apache.velocity.runtime.resource.loader.StringResourceLoader");
    RuntimeInstance engine = new RuntimeInstance();
    engine.init(properties);
    return engine;
  }

  private static IllegalArgumentException unparsable(String name, ParseErrorException e) {
    return unparsable(name, e.getLineNumber(), e.getColumnNumber(), e);
  }

  private static IllegalArgumentException unparsable(
      String name, int line, int column, RuntimeException e) {
    String message = firstLine(e.getMessage());
    // Velocity's own text repeats the template name and position; keep what it found.
    int found = message.indexOf("Encountered");
    return new IllegalArgumentException(
        name
            + ": line "
            + line
            + ", column "
            + column
            + ": the template does not parse: "
            + (found >= 0 ? message.substring(found) : message),
        e);
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).strip();
  }

  /** A template that failed while rendering: API Gateway answers 500 and logs it. */
  public static final class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RenderException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
