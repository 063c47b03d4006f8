package org.netgauss.kernel.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decodes one message of Jupyter's wire protocol (messaging spec 5.3, "The Wire Protocol"): routing identities,
 * the delimiter {@code <IDS|MSG>}, the HMAC signature, then the header, parent header, metadata and content as
 * JSON, then any binary buffers. The signature is checked before any JSON is read, in constant time; every
 * other fault (too few frames, text that is not UTF-8 or not a JSON object, a header without its fields,
 * content of the wrong shape) is a {@link BadMessageException} with a one-line reason, never another exception.
 */
public final class WireCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    /** ZeroMQ routing never nests this deep; more identity frames mean garbage without a delimiter. */
    static final int MAX_IDENTITIES = 32;
    static final int MAX_BUFFERS = 1024;
    private static final Type JSON_MAP = new TypeToken<Map<String, Object>>() { }.getType();

    private final HMACGenerator hmac;
    private final Gson gson;

    public WireCodec(HMACGenerator hmac) {
        this.hmac = hmac;
        Gson replyGson = new GsonBuilder()
                .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
                .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
                .create();
        this.gson = new GsonBuilder()
                .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
                .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
                .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
                .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
                .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
                .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(replyGson))
                .create();
    }

    /** The request in {@code frames}, all frames of one ZeroMQ multipart message. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Message<?> decode(List<byte[]> frames) throws BadMessageException {
        int delimiter = -1;
        for (int i = 0; i < frames.size() && i <= MAX_IDENTITIES; i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) {
            throw new BadMessageException("no <IDS|MSG> delimiter among the first " + Math.min(frames.size(),
                    MAX_IDENTITIES + 1) + " of " + frames.size() + " frames");
        }
        int parts = frames.size() - delimiter - 1;
        if (parts < 5) {
            throw new BadMessageException("only " + parts + " frames after <IDS|MSG>, expected signature, header,"
                    + " parent header, metadata and content");
        }
        if (parts - 5 > MAX_BUFFERS) {
            throw new BadMessageException((parts - 5) + " buffers, more than " + MAX_BUFFERS);
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] headerRaw = frames.get(delimiter + 2);
        byte[] parentRaw = frames.get(delimiter + 3);
        byte[] metadataRaw = frames.get(delimiter + 4);
        byte[] contentRaw = frames.get(delimiter + 5);
        checkSignature(signature, headerRaw, parentRaw, metadataRaw, contentRaw);

        JsonObject headerJson = object("header", headerRaw);
        Header<?> header;
        try {
            header = gson.fromJson(headerJson, Header.class);
        } catch (RuntimeException | StackOverflowError e) {
            throw new BadMessageException("header lacks msg_id, msg_type, username, session, date or version,"
                    + " or has one of the wrong type (" + oneLine(e) + ")");
        }
        if (header.getType() == null) {
            throw new BadMessageException("header has msg_type null");
        }
        Header<?> parent = null;
        JsonObject parentJson = object("parent header", parentRaw);
        if (!parentJson.isEmpty()) {
            try {
                parent = gson.fromJson(parentJson, Header.class);
            } catch (RuntimeException | StackOverflowError e) {
                throw new BadMessageException("parent header is not a header (" + oneLine(e) + ")");
            }
        }
        Map<String, Object> metadata;
        Object content;
        try {
            metadata = gson.fromJson(object("metadata", metadataRaw), JSON_MAP);
        } catch (RuntimeException | StackOverflowError e) {
            throw new BadMessageException("metadata: " + oneLine(e));
        }
        try {
            content = gson.fromJson(object("content", contentRaw), header.getType().getContentType());
        } catch (RuntimeException | StackOverflowError e) {
            throw new BadMessageException(header.getType().getName() + " content has a field of the wrong type ("
                    + oneLine(e) + ")");
        }
        if (content == null) {
            throw new BadMessageException(header.getType().getName() + " without content");
        }
        List<byte[]> identities = new ArrayList<>(frames.subList(0, delimiter));
        List<byte[]> buffers = new ArrayList<>(frames.subList(delimiter + 6, frames.size()));
        return new Message(identities, header, parent, metadata, content, buffers);
    }

    private void checkSignature(byte[] signature, byte[]... signed) throws BadMessageException {
        String expected = hmac.calculateSignature(signed);
        if (expected == null || expected.isEmpty()) {
            return; // the connection file has no key: messages are not signed
        }
        if (signature.length == 0) {
            throw new BadMessageException("unsigned message (the connection has a key)");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new BadMessageException("bad signature (not signed with this connection's key)");
        }
    }

    private static JsonObject object(String what, byte[] raw) throws BadMessageException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new BadMessageException(what + " is not UTF-8 text");
        }
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new BadMessageException(what + " is not JSON (" + oneLine(e) + ")");
        }
        if (!json.isJsonObject()) {
            throw new BadMessageException(what + " is not a JSON object");
        }
        return json.getAsJsonObject();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }
}
