package io.nimbusmq.remoting.protocol;

/**
 * The custom header of one request or response type (remoting-protocol.md §1.5): its fields travel as the command's
 * ext fields, every value a string on the wire.
 *
 * <p>Each header is one type, a record in {@code io.nimbusmq.remoting.protocol.header}, that both writes its fields
 * ({@link #writeTo}) and reads them (a static {@code readFrom(RemotingCommand)}), so the client and the broker share
 * one definition of every field name, every optional field and every default. Reading throws a
 * {@link HeaderFieldException} for a missing required field or a value of the wrong type; the request dispatcher
 * answers those with an error response and keeps the connection.
 *
 * <p>Field names are RocketMQ's ({@code CommandCustomHeader} classes of {@code rocketmq-remoting} 5.3.1), so that the
 * official client and tools read what we write and we read what they write.
 */
public interface CommandHeader {

    /** Writes this header's fields into {@code command}'s ext fields; {@code null} values are left out. */
    void writeTo(RemotingCommand command);
}
