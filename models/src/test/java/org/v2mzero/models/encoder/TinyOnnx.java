package org.v2mzero.models.encoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ONNX models from Java, so the encoder tests need no downloaded weights. ONNX files
 * are protocol buffers ({@code onnx.proto}); {@link Message} is just enough of the wire format
 * (varints, length-delimited fields) to write a {@code ModelProto} with opset 13. Field numbers are
 * onnx.proto's. Not a test.
 */
final class TinyOnnx {
    /** {@code TensorProto.DataType}. */
    static final int FLOAT = 1;
    static final int INT64 = 7;
    /** A free (named) dimension in a shape. */
    static final long FREE = -1;

    private TinyOnnx() {}

    /** One protobuf message being written, field by field. */
    static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            tag(field, 0);
            raw(value);
            return this;
        }

        Message bytes(int field, byte[] value) {
            tag(field, 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        Message string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, Message value) {
            return bytes(field, value.toBytes());
        }

        Message float32(int field, float value) {
            tag(field, 5);
            int bits = Float.floatToIntBits(value);
            for (int i = 0; i < 4; i++) {
                out.write(bits >>> (8 * i));
            }
            return this;
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private void tag(int field, int wireType) {
            raw(((long) field << 3) | wireType);
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }

    /** A graph under construction: nodes, initializers (weights), inputs and outputs. */
    static final class Graph {
        private final List<Message> nodes = new ArrayList<>();
        private final List<Message> initializers = new ArrayList<>();
        private final List<Message> inputs = new ArrayList<>();
        private final List<Message> outputs = new ArrayList<>();

        Graph input(String name, long... dims) {
            inputs.add(valueInfo(name, dims));
            return this;
        }

        Graph output(String name, long... dims) {
            outputs.add(valueInfo(name, dims));
            return this;
        }

        Graph floats(String name, float[] values, long... dims) {
            ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().put(values);
            initializers.add(tensor(name, FLOAT, raw.array(), dims));
            return this;
        }

        Graph longs(String name, long[] values, long... dims) {
            ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            raw.asLongBuffer().put(values);
            initializers.add(tensor(name, INT64, raw.array(), dims));
            return this;
        }

        /** A node; {@code attributes} are built with {@link #intAttribute} and {@link #intsAttribute}. */
        Graph node(String opType, List<String> in, List<String> out, Message... attributes) {
            Message node = new Message();
            in.forEach(name -> node.string(1, name));
            out.forEach(name -> node.string(2, name));
            node.string(3, opType + "_" + nodes.size()).string(4, opType);
            for (Message a : attributes) {
                node.message(5, a);
            }
            nodes.add(node);
            return this;
        }

        /** The {@code ModelProto}: IR version 8, default domain at opset 13. */
        byte[] toModel() {
            Message graph = new Message();
            nodes.forEach(n -> graph.message(1, n));
            graph.string(2, "tiny");
            initializers.forEach(t -> graph.message(5, t));
            inputs.forEach(v -> graph.message(11, v));
            outputs.forEach(v -> graph.message(12, v));
            return new Message()
                    .varint(1, 8)
                    .string(2, "v2m-test")
                    .message(7, graph)
                    .message(8, new Message().string(1, "").varint(2, 13))
                    .toBytes();
        }

        Path write(Path file) throws IOException {
            Files.write(file, toModel());
            return file;
        }
    }

    static Message intAttribute(String name, long value) {
        return new Message().string(1, name).varint(3, value).varint(20, 2);
    }

    static Message intsAttribute(String name, long... values) {
        Message a = new Message().string(1, name);
        for (long v : values) {
            a.varint(8, v);
        }
        return a.varint(20, 7);
    }

    private static Message tensor(String name, int type, byte[] raw, long... dims) {
        Message t = new Message();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, type).string(8, name).bytes(9, raw);
    }

    /** A float tensor value; {@link #FREE} dimensions get a name, as exporters write a dynamic batch. */
    private static Message valueInfo(String name, long... dims) {
        Message shape = new Message();
        for (long d : dims) {
            shape.message(1, d == FREE ? new Message().string(2, "batch") : new Message().varint(1, d));
        }
        Message tensorType = new Message().varint(1, FLOAT).message(2, shape);
        return new Message().string(1, name).message(2, new Message().message(1, tensorType));
    }

    /**
     * {@code embedding = Flatten(pixels) x weights}: a linear projection of the normalised pixels,
     * {@code pixels [batch, c, h, w] -> embedding [batch, d]}.
     *
     * @param weights row-major {@code [c * h * w, d]}
     * @param batch   the batch dimension, {@link #FREE} or fixed
     */
    static Graph projection(int c, int h, int w, int d, float[] weights, long batch) {
        return new Graph()
                .input("pixels", batch, c, h, w)
                .floats("weights", weights, (long) c * h * w, d)
                .node("Flatten", List.of("pixels"), List.of("flat"), intAttribute("axis", 1))
                .node("MatMul", List.of("flat", "weights"), List.of("embedding"))
                .output("embedding", batch, d);
    }

    /** Every pixel a token: {@code pixels [batch, c, h, w] -> tokens [batch, h * w, c]}. */
    static Graph tokens(int c, int h, int w) {
        return new Graph()
                .input("pixels", FREE, c, h, w)
                .longs("shape", new long[] {0, c, -1}, 3)
                .node("Reshape", List.of("pixels", "shape"), List.of("grouped"))
                .node("Transpose", List.of("grouped"), List.of("tokens"), intsAttribute("perm", 0, 2, 1))
                .output("tokens", FREE, (long) h * w, c);
    }

    /**
     * A 1x1 convolution with two outputs: its map {@code spatial [batch, d, h, w]} and the model's
     * own average of it, {@code pooled [batch, d]} (GlobalAveragePool, then Flatten).
     *
     * @param weights row-major {@code [d, c]}
     */
    static Graph convolution(int c, int h, int w, int d, float[] weights) {
        return new Graph()
                .input("pixels", FREE, c, h, w)
                .floats("kernel", weights, d, c, 1, 1)
                .node("Conv", List.of("pixels", "kernel"), List.of("spatial"))
                .node("GlobalAveragePool", List.of("spatial"), List.of("averaged"))
                .node("Flatten", List.of("averaged"), List.of("pooled"), intAttribute("axis", 1))
                .output("spatial", FREE, d, h, w)
                .output("pooled", FREE, d);
    }
}
