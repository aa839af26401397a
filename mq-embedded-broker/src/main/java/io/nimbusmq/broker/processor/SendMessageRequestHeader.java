package io.nimbusmq.broker.processor;

import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;

/**
 * The header of SEND_MESSAGE (long field names) and SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE (one-letter names).
 *
 * @param properties the encoded property string, possibly empty
 */
public record SendMessageRequestHeader(String producerGroup, String topic, String defaultTopic,
        int defaultTopicQueueNums, int queueId, int sysFlag, long bornTimestamp, int flag, String properties,
        int reconsumeTimes, boolean unitMode, Integer maxReconsumeTimes, boolean batch) {

    public static SendMessageRequestHeader parse(RemotingCommand request) {
        if (request.code() == RequestCode.SEND_MESSAGE) {
            return new SendMessageRequestHeader(request.requiredString("producerGroup"),
                    request.requiredString("topic"), request.requiredString("defaultTopic"),
                    request.requiredInt("defaultTopicQueueNums"), request.requiredInt("queueId"),
                    request.requiredInt("sysFlag"), request.requiredLong("bornTimestamp"),
                    request.requiredInt("flag"), request.optionalString("properties", ""),
                    request.optionalInt("reconsumeTimes", 0), request.optionalBoolean("unitMode", false),
                    optionalInteger(request, "maxReconsumeTimes"), request.optionalBoolean("batch", false));
        }
        return new SendMessageRequestHeader(request.requiredString("a"), request.requiredString("b"),
                request.requiredString("c"), request.requiredInt("d"), request.requiredInt("e"),
                request.requiredInt("f"), request.requiredLong("g"), request.requiredInt("h"),
                request.optionalString("i", ""), request.optionalInt("j", 0), request.optionalBoolean("k", false),
                optionalInteger(request, "l"),
                request.optionalBoolean("m", request.code() == RequestCode.SEND_BATCH_MESSAGE));
    }

    private static Integer optionalInteger(RemotingCommand request, String name) {
        return request.optionalString(name) == null ? null : request.requiredInt(name);
    }
}
