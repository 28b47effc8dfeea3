package dev.lambdalocal.core.internal.serialization;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;

/** Tells whether every class a type names can be loaded through a given class loader. */
final class SharedTypes {

  private SharedTypes() {}

  /**
   * Return whether {@code type} and the types it is made of come from {@code loader} or one of its
   * ancestors, so that caching it in an object {@code loader} sees keeps no other loader alive.
   */
  static boolean visibleTo(Type type, ClassLoader loader) {
    if (type instanceof Class<?> clazz) {
      while (clazz.isArray()) {
        clazz = clazz.getComponentType();
      }
      return isAncestorOrSame(clazz.getClassLoader(), loader);
    }
    if (type instanceof ParameterizedType parameterized) {
      if (!visibleTo(parameterized.getRawType(), loader)) {
        return false;
      }
      for (Type argument : parameterized.getActualTypeArguments()) {
        if (!visibleTo(argument, loader)) {
          return false;
        }
      }
      return parameterized.getOwnerType() == null
          || visibleTo(parameterized.getOwnerType(), loader);
    }
    if (type instanceof GenericArrayType array) {
      return visibleTo(array.getGenericComponentType(), loader);
    }
    if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        if (!visibleTo(bound, loader)) {
          return false;
        }
      }
      for (Type bound : wildcard.getLowerBounds()) {
        if (!visibleTo(bound, loader)) {
          return false;
        }
      }
      return true;
    }
    // Type variables and unknown kinds: assume the worst.
    return false;
  }

  private static boolean isAncestorOrSame(ClassLoader candidate, ClassLoader loader) {
    if (candidate == null) {
      return true; // the bootstrap loader is everyone's ancestor
    }
    for (ClassLoader current = loader; current != null; current = current.getParent()) {
      if (current == candidate) {
        return true;
      }
    }
    return false;
  }
}
