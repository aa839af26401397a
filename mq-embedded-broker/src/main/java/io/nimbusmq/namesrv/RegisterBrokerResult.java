package io.nimbusmq.namesrv;

/**
 * What a registering slave learns about its master; both {@code null} for a master or when the master is unknown.
 * Sent back as the REGISTER_BROKER response ext fields {@code haServerAddr} and {@code masterAddr}.
 */
public record RegisterBrokerResult(String haServerAddr, String masterAddr) {

    static final RegisterBrokerResult NONE = new RegisterBrokerResult(null, null);
}
