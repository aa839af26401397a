package io.nimbusmq.remoting.protocol.body.client;

import io.nimbusmq.remoting.protocol.LanguageCode;

/**
 * One client connection in the admin connection lists (GET_CONSUMER_CONNECTION_LIST 203,
 * GET_PRODUCER_CONNECTION_LIST 204): {@code {"clientAddr":"127.0.0.1:53012","clientId":"…","language":"JAVA",
 * "version":475}}.
 *
 * @param clientAddr the client's {@code ip:port} as the broker sees it
 * @param version the client's MQVersion ordinal, from its heartbeat command
 */
public record Connection(String clientId, String clientAddr, LanguageCode language, int version) {
}
