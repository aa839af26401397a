package io.nimbusmq.remoting.dispatch;

import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * A check every request passes before its processor, e.g. the broker's access control. Registered once in the
 * {@link ProcessorRegistry} while the server is assembled; the {@link RequestDispatcher} consults it on the
 * processor's executor (never on an I/O thread), after the code was found to be supported and before
 * {@link RequestProcessor#rejectRequest()}.
 */
@FunctionalInterface
public interface RequestPreprocessor {

    /** Lets every request through. */
    RequestPreprocessor NONE = context -> null;

    /**
     * Checks {@code context}'s request.
     *
     * @return {@code null} to let the request through to its processor; otherwise the response to send instead
     *     (not sent for a oneway request), and the processor never sees the request
     */
    RemotingCommand preprocess(RequestContext context);
}
