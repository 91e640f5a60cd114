package io.zeroapi;

/**
 * Raised when a Zero for Spring server refused the call because it was busy ("server busy: N requests in flight,
 * retry later", for the server as a whole or for this connection): the call was not run, so it is safe to retry
 * later, e.g. with a back-off.
 */
public class ZeroServerBusyException extends ZeroRemoteException {

    public ZeroServerBusyException(String rpc, String address, String serverMessage) {
        super(rpc, address, serverMessage);
    }
}
