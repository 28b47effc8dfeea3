package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.LambdaConfigurationException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Loads the events (or responses) of one {@code @EventSource}-like declaration for a parameterized
 * test: a folder's files, then a list of files, each named after its file for the test's display
 * name.
 *
 * @since 0.1.0
 */
public final class EventSets {

  private EventSets() {}

  /**
   * What to load.
   *
   * @param annotation how messages name the declaration, e.g. {@code @EventSource}
   * @param folder the folder, or empty
   * @param files the files after the folder's
   * @param type the type, or {@code void.class} for the parameter's
   * @param recursive whether to include sub-folders
   * @param suffix the ending of the names of the folder's files to include
   * @param index the index of the test's parameter that receives them
   */
  public record Declaration(
      String annotation,
      String folder,
      String[] files,
      Class<?> type,
      boolean recursive,
      String suffix,
      int index) {}

  /**
   * Load the events of a declaration.
   *
   * @param context the context of the parameterized test method
   * @param declaration what to load
   * @return the events, each named after its file
   * @throws ExtensionConfigurationException naming the method, the file and what is wrong
   */
  public static List<Named<Object>> load(ExtensionContext context, Declaration declaration) {
    Method method = context.getRequiredTestMethod();
    String where = declaration.annotation() + " on " + Describe.element(method);
    Type type = type(method, declaration, where);
    ClassLoader loader = Stores.classLoader(context);
    Map<String, String> placeholders = Identities.placeholders(context);
    List<Named<Object>> events = new ArrayList<>();
    try {
      if (!declaration.folder().isEmpty()) {
        List<EventFiles.Found> found =
            EventFiles.list(
                declaration.folder(), declaration.recursive(), declaration.suffix(), loader);
        if (found.isEmpty()) {
          throw new ExtensionConfigurationException(
              where
                  + ": no files ending in \""
                  + declaration.suffix()
                  + "\" in folder "
                  + declaration.folder());
        }
        for (EventFiles.Found file : found) {
          String json = EventFiles.read(file.location(), loader, placeholders);
          String source = declaration.folder() + "/" + file.name();
          events.add(Named.of(file.name(), EventFiles.convert(json, type, loader, source)));
        }
      }
      for (String file : declaration.files()) {
        String json = EventFiles.read(file, loader, placeholders);
        events.add(Named.of(file, EventFiles.convert(json, type, loader, file)));
      }
    } catch (LambdaConfigurationException e) {
      throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
    }
    if (events.isEmpty()) {
      throw new ExtensionConfigurationException(where + ": set folder or files");
    }
    return events;
  }

  private static Type type(Method method, Declaration declaration, String where) {
    Parameter[] parameters = method.getParameters();
    if (parameters.length <= declaration.index()) {
      throw new ExtensionConfigurationException(
          where + ": the method needs a parameter at index " + declaration.index());
    }
    Parameter parameter = parameters[declaration.index()];
    if (declaration.type() == void.class) {
      return parameter.getParameterizedType();
    }
    if (!parameter.getType().isAssignableFrom(declaration.type())) {
      throw new ExtensionConfigurationException(
          where
              + ": type "
              + declaration.type().getName()
              + " does not fit parameter '"
              + parameter.getName()
              + "' of type "
              + parameter.getType().getName());
    }
    return declaration.type();
  }
}
