package org.netgauss.kernel.execution;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
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
 */
final class StopInstrumenter {
    private static final String OWNER = SnippetThread.class.getName().replace('.', '/');

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
        public void visitJumpInsn(int opcode, Label label) {
            if (visited.contains(label)) {
                poll();
            }
            super.visitJumpInsn(opcode, label);
        }
    }
}
