package io.nimbusmq.remoting.protocol.body;

import io.nimbusmq.remoting.protocol.RemotingVersion;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The body of REGISTER_BROKER (103), remoting-protocol.md §3.1:
 * <pre>
 * {"filterServerList":[],"topicConfigSerializeWrapper":{"dataVersion":{…},"mappingDataVersion":{…},
 *   "topicConfigTable":{…},"topicQueueMappingDetailMap":{},"topicQueueMappingInfoMap":{}}}
 * </pre>
 * or, when the header says {@code compressed=true}, the zlib form of {@link CompressedRegisterBrokerBody}.
 *
 * @param filterServerList addresses of the broker's filter servers; empty in practice
 */
public record RegisterBrokerBody(List<String> filterServerList,
                                 TopicConfigSerializeWrapper topicConfigSerializeWrapper) {

    public RegisterBrokerBody {
        filterServerList = filterServerList == null ? List.of() : List.copyOf(filterServerList);
        topicConfigSerializeWrapper = topicConfigSerializeWrapper == null
                ? new TopicConfigSerializeWrapper(null, null, null, null, null) : topicConfigSerializeWrapper;
    }

    /** A body with only a topic table. */
    public static RegisterBrokerBody of(TopicConfigSerializeWrapper topics) {
        return new RegisterBrokerBody(List.of(), topics);
    }

    /**
     * Reads a REGISTER_BROKER body the way a 5.3.1 name server does.
     *
     * @param compressed    the header's {@code compressed} flag
     * @param senderVersion the request's {@code version}: compressed bodies carry topic-queue mappings from
     *                      {@link RemotingVersion#V5_0_0}, and senders older than {@link RemotingVersion#V3_0_11}
     *                      send a bare {@link TopicConfigSerializeWrapper}
     * @return the body, or an empty one (data version {@link DataVersion#ZERO}) when {@code body} is null or empty
     * @throws IllegalArgumentException when the body cannot be read
     */
    public static RegisterBrokerBody decode(byte[] body, boolean compressed, int senderVersion) {
        if (body == null || body.length == 0) {
            return new RegisterBrokerBody(null, null);
        }
        if (senderVersion < RemotingVersion.V3_0_11) {
            return of(RemotingJson.decode(body, TopicConfigSerializeWrapper.class));
        }
        if (compressed) {
            return CompressedRegisterBrokerBody.decode(body, senderVersion >= RemotingVersion.V5_0_0);
        }
        return RemotingJson.decode(body, RegisterBrokerBody.class);
    }

    /**
     * The REGISTER_BROKER header's {@code bodyCrc32} for encoded {@code body}: {@code CRC32(body) & 0x7FFFFFFF}, as
     * RocketMQ's {@code UtilAll.crc32}; 0 for no body. A name server checks it when it is non-zero.
     */
    public static int bodyCrc32(byte[] body) {
        if (body == null) {
            return 0;
        }
        CRC32 crc32 = new CRC32();
        crc32.update(body);
        return (int) (crc32.getValue() & 0x7FFFFFFF);
    }

    /** The plain JSON form. */
    public byte[] encode() {
        return RemotingJson.encode(this);
    }

    /** The compressed form, as a V5_0_0+ sender writes it (with the topic-queue mapping section). */
    public byte[] encodeCompressed() {
        return CompressedRegisterBrokerBody.encode(this);
    }
}
