package dev.lambdalocal.core.internal.exit;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the calls to {@code System.exit(int)}, {@code Runtime.exit(int)} and {@code
 * Runtime.halt(int)} in a class file into calls to {@link ExitTrap}: direct calls, and method
 * references ({@code System::exit}) and method handle constants.
 *
 * <p>Each replacement has the stack effect of the call it replaces ({@code Runtime.exit} on a
 * runtime becomes a static call taking that runtime first), so no frame or stack size changes.
 * Exits reached through reflection or {@code MethodHandles.Lookup} are not rewritten.
 *
 * @since 0.1.0
 */
public final class ExitCalls {

  static final String TRAP = "dev/lambdalocal/core/internal/exit/ExitTrap";
  private static final String SYSTEM = "java/lang/System";
  private static final String RUNTIME = "java/lang/Runtime";
  private static final String STATUS = "(I)V";
  private static final String RUNTIME_AND_STATUS = "(Ljava/lang/Runtime;I)V";

  private ExitCalls() {}

  /**
   * Rewrite a class file's exit calls.
   *
   * @param classFile the class file
   * @return the rewritten class file, or {@code classFile} itself when it calls no exit
   */
  public static byte[] rewrite(byte[] classFile) {
    if (!mayCallExit(classFile)) {
      return classFile;
    }
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    Rewriter rewriter = new Rewriter(writer);
    reader.accept(rewriter, 0);
    return rewriter.changed ? writer.toByteArray() : classFile;
  }

  /**
   * Whether the constant pool may name {@code exit} or {@code halt}: a class that calls either
   * holds the UTF-8 constant (length 4, then the name). Most classes do not, and are not parsed.
   */
  static boolean mayCallExit(byte[] classFile) {
    for (int i = 0; i + 5 < classFile.length; i++) {
      if (classFile[i] == 0 && classFile[i + 1] == 4) {
        byte a = classFile[i + 2];
        byte b = classFile[i + 3];
        byte c = classFile[i + 4];
        byte d = classFile[i + 5];
        if ((a == 'e' && b == 'x' && c == 'i' && d == 't')
            || (a == 'h' && b == 'a' && c == 'l' && d == 't')) {
          return true;
        }
      }
    }
    return false;
  }

  /** The replacement of a method handle to an exit method, or {@code null}. */
  static Handle replacement(Handle handle) {
    if (!STATUS.equals(handle.getDesc())) {
      return null;
    }
    if (handle.getTag() == Opcodes.H_INVOKESTATIC
        && SYSTEM.equals(handle.getOwner())
        && "exit".equals(handle.getName())) {
      return new Handle(Opcodes.H_INVOKESTATIC, TRAP, "exit", STATUS, false);
    }
    if (handle.getTag() == Opcodes.H_INVOKEVIRTUAL
        && RUNTIME.equals(handle.getOwner())
        && isExitOrHalt(handle.getName())) {
      return new Handle(Opcodes.H_INVOKESTATIC, TRAP, handle.getName(), RUNTIME_AND_STATUS, false);
    }
    return null;
  }

  private static boolean isExitOrHalt(String name) {
    return "exit".equals(name) || "halt".equals(name);
  }

  private static final class Rewriter extends ClassVisitor {
    boolean changed;

    Rewriter(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
      return new MethodVisitor(Opcodes.ASM9, next) {
        @Override
        public void visitMethodInsn(
            int opcode, String owner, String method, String desc, boolean isInterface) {
          if (opcode == Opcodes.INVOKESTATIC
              && SYSTEM.equals(owner)
              && "exit".equals(method)
              && STATUS.equals(desc)) {
            changed = true;
            super.visitMethodInsn(Opcodes.INVOKESTATIC, TRAP, "exit", STATUS, false);
          } else if (opcode == Opcodes.INVOKEVIRTUAL
              && RUNTIME.equals(owner)
              && isExitOrHalt(method)
              && STATUS.equals(desc)) {
            changed = true;
            super.visitMethodInsn(Opcodes.INVOKESTATIC, TRAP, method, RUNTIME_AND_STATUS, false);
          } else {
            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
          }
        }

        @Override
        public void visitInvokeDynamicInsn(
            String method, String desc, Handle bootstrap, Object... arguments) {
          Object[] rewritten = arguments.clone();
          for (int i = 0; i < rewritten.length; i++) {
            rewritten[i] = constant(rewritten[i]);
          }
          super.visitInvokeDynamicInsn(method, desc, bootstrap, rewritten);
        }

        @Override
        public void visitLdcInsn(Object value) {
          super.visitLdcInsn(constant(value));
        }
      };
    }

    private Object constant(Object value) {
      if (value instanceof Handle handle) {
        Handle replacement = replacement(handle);
        if (replacement != null) {
          changed = true;
          return replacement;
        }
      }
      return value;
    }
  }
}
