package org.netgauss.kernel.execution;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.HashSet;
import java.util.Set;

/**
 * Rewrites snippet classes so that they poll {@link SnippetThread#checkStop()} at method entry and before
 * every backward jump. This is how an interrupt stops a tight loop in user code without
 * {@code Thread.stop}, which JDK 20 and later no longer support.
 *
 * <p>Backward jumps are found in one pass: a jump whose target label has already been visited goes backwards.
 *
 * <p>Calls that would end the JVM ({@code System.exit}, {@code Runtime.exit}, {@code Runtime.halt}) become calls
 * of {@link ExitRefusedError}'s static methods of the same stack shape (the {@code Runtime} receiver becomes the
 * first argument), in plain calls, in method references (invokedynamic bootstrap arguments) and in
 * method-handle constants.
 */
final class StopInstrumenter {
    private static final String OWNER = SnippetThread.class.getName().replace('.', '/');
    private static final String EXIT_GUARD = ExitRefusedError.class.getName().replace('.', '/');
    private static final String RUNTIME_CALL = "(Ljava/lang/Runtime;I)V";

    private StopInstrumenter() {
    }

    static byte[] instrument(byte[] classBytes) {
        ClassReader reader = new ClassReader(classBytes);
        // COMPUTE_MAXS suffices: the inserted call needs no locals and no new stack map frames
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || "<clinit>".equals(name)) {
                    return mv;
                }
                return new PollingMethodVisitor(mv);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** The guard's method that stands for {@code owner.name desc}, or null if that call may stay. */
    private static String guardFor(String owner, String name, String descriptor) {
        if (!"(I)V".equals(descriptor)) {
            return null;
        }
        if ("java/lang/System".equals(owner) && "exit".equals(name)) {
            return "systemExit";
        }
        if ("java/lang/Runtime".equals(owner) && ("exit".equals(name) || "halt".equals(name))) {
            return "exit".equals(name) ? "runtimeExit" : "runtimeHalt";
        }
        return null;
    }

    private static Object guarded(Object constant) {
        if (constant instanceof Handle h) {
            String guard = guardFor(h.getOwner(), h.getName(), h.getDesc());
            if (guard != null) {
                return new Handle(Opcodes.H_INVOKESTATIC, EXIT_GUARD, guard,
                        h.getTag() == Opcodes.H_INVOKESTATIC ? "(I)V" : RUNTIME_CALL, false);
            }
        }
        return constant;
    }

    private static final class PollingMethodVisitor extends MethodVisitor {
        private final Set<Label> visited = new HashSet<>();

        PollingMethodVisitor(MethodVisitor mv) {
            super(Opcodes.ASM9, mv);
        }

        private void poll() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "checkStop", "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            poll();
        }

        @Override
        public void visitLabel(Label label) {
            visited.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String guard = guardFor(owner, name, descriptor);
            if (guard != null && (opcode == Opcodes.INVOKESTATIC || opcode == Opcodes.INVOKEVIRTUAL)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, EXIT_GUARD, guard,
                        opcode == Opcodes.INVOKESTATIC ? "(I)V" : RUNTIME_CALL, false);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] args = arguments.clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = guarded(args[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, args);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(guarded(value));
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (visited.contains(label)) {
                poll();
            }
            super.visitJumpInsn(opcode, label);
        }
    }
}
