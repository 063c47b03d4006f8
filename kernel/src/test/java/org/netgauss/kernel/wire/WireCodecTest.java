package org.netgauss.kernel.wire;

import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WireCodecTest {
    private static final String HEADER = "{\"msg_id\": \"m1\", \"username\": \"u\", \"session\": \"s\","
            + " \"date\": \"2026-01-01T00:00:00.000000Z\", \"msg_type\": \"%s\", \"version\": \"5.3\"}";

    private final HMACGenerator key = hmac("secret");
    private final WireCodec codec = new WireCodec(key);

    private static HMACGenerator hmac(String k) {
        try {
            return new HMACGenerator("hmac-sha256", k);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> frames(HMACGenerator signer, String header, String parent, String metadata,
                                       String content, byte[]... identities) {
        List<byte[]> f = new ArrayList<>(List.of(identities));
        f.add(WireCodec.DELIMITER);
        f.add(b(signer.calculateSignature(b(header), b(parent), b(metadata), b(content))));
        f.add(b(header));
        f.add(b(parent));
        f.add(b(metadata));
        f.add(b(content));
        return f;
    }

    private List<byte[]> execute(String content) {
        return frames(key, HEADER.formatted("execute_request"), "{}", "{}", content, b("client-1"));
    }

    private String rejected(List<byte[]> frames) {
        return assertThrows(BadMessageException.class, () -> codec.decode(frames)).getMessage();
    }

    @Test
    void aWellFormedRequestDecodesWithItsIdentitiesAndContent() throws Exception {
        Message<?> m = codec.decode(execute("{\"code\": \"6 * 7\", \"silent\": false}"));
        assertEquals(MessageType.EXECUTE_REQUEST, m.getHeader().getType());
        assertEquals("6 * 7", ((ExecuteRequest) m.getContent()).getCode());
        assertEquals(1, m.getIdentities().size());
        assertArrayEquals(b("client-1"), m.getIdentities().get(0));
    }

    @Test
    void aMessageSignedWithAnotherKeyIsRejected() {
        List<byte[]> f = frames(hmac("wrong"), HEADER.formatted("execute_request"), "{}", "{}", "{\"code\": \"1\"}");
        assertEquals("bad signature (not signed with this connection's key)", rejected(f));
    }

    @Test
    void anUnsignedMessageIsRejectedWhenTheConnectionHasAKey() {
        List<byte[]> f = execute("{\"code\": \"1\"}");
        f.set(2, new byte[0]);
        assertEquals("unsigned message (the connection has a key)", rejected(f));
    }

    @Test
    void aTamperedContentBreaksTheSignature() {
        List<byte[]> f = execute("{\"code\": \"1\"}");
        f.set(f.size() - 1, b("{\"code\": \"System.exit(1)\"}"));
        assertTrue(rejected(f).startsWith("bad signature"));
    }

    @Test
    void withoutAKeyNothingIsSigned() throws Exception {
        WireCodec open = new WireCodec(HMACGenerator.NO_AUTH_INSTANCE);
        List<byte[]> f = execute("{\"code\": \"1\"}");
        f.set(2, new byte[0]);
        assertEquals(MessageType.EXECUTE_REQUEST, open.decode(f).getHeader().getType());
    }

    @Test
    void framesWithoutADelimiterAreRejected() {
        assertTrue(rejected(List.of(b("garbage"))).startsWith("no <IDS|MSG> delimiter"));
        assertTrue(rejected(Collections.nCopies(100, b("id"))).startsWith("no <IDS|MSG> delimiter among the first 33"));
    }

    @Test
    void tooFewFramesAfterTheDelimiterAreRejected() {
        List<byte[]> f = execute("{}").subList(0, 4);
        assertEquals("only 2 frames after <IDS|MSG>, expected signature, header, parent header, metadata and content",
                rejected(f));
    }

    @Test
    void nonJsonNonObjectAndNonUtf8PartsAreRejectedByName() {
        assertTrue(rejected(frames(key, "{not json", "{}", "{}", "{}")).startsWith("header is not JSON"));
        assertEquals("header is not a JSON object", rejected(frames(key, "[1, 2]", "{}", "{}", "{}")));
        assertEquals("content is not a JSON object",
                rejected(frames(key, HEADER.formatted("execute_request"), "{}", "{}", "\"code\"")));
        assertEquals("metadata is not a JSON object",
                rejected(frames(key, HEADER.formatted("kernel_info_request"), "{}", "7", "{}")));
        List<byte[]> f = new ArrayList<>(List.of(WireCodec.DELIMITER, new byte[0],
                new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'}, b("{}"), b("{}"), b("{}")));
        WireCodec open = new WireCodec(HMACGenerator.NO_AUTH_INSTANCE);
        assertEquals("header is not UTF-8 text",
                assertThrows(BadMessageException.class, () -> open.decode(f)).getMessage());
    }

    @Test
    void aHeaderWithoutItsFieldsIsRejected() {
        assertTrue(rejected(frames(key, "{\"msg_id\": \"x\"}", "{}", "{}", "{}")).startsWith("header lacks"));
    }

    @Test
    void contentOfTheWrongShapeIsRejectedNamingTheType() {
        assertTrue(rejected(execute("{\"code\": {\"a\": 1}}"))
                .startsWith("execute_request content has a field of the wrong type"));
    }

    @Test
    void deeplyNestedJsonIsRejectedNotAStackOverflow() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        assertTrue(rejected(execute(nested)).startsWith("content is not"));
    }

    @Test
    void anUnknownTypeDecodesAsUnknownForTheChannelToIgnore() throws Exception {
        Message<?> m = codec.decode(frames(key, HEADER.formatted("format_my_disk_request"), "{}", "{}", "{}"));
        assertEquals(MessageType.UNKNOWN, m.getHeader().getType());
    }

    @Test
    void tooManyBuffersAreRejected() {
        List<byte[]> f = execute("{\"code\": \"1\"}");
        f.addAll(Collections.nCopies(WireCodec.MAX_BUFFERS + 1, b("x")));
        assertEquals((WireCodec.MAX_BUFFERS + 1) + " buffers, more than " + WireCodec.MAX_BUFFERS, rejected(f));
    }
}
