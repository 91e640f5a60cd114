package io.zeroapi.demo.gateway;

import java.util.Map;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroException;
import io.zeroapi.ZeroMethodNotFoundException;
import io.zeroapi.ZeroRemoteException;
import io.zeroapi.ZeroServerBusyException;
import io.zeroapi.ZeroTimeoutException;
import io.zeroapi.ZeroValidationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps RPC failures to HTTP statuses with a JSON body {@code {"status": .., "error": .., "message": ..}}:
 * unknown user 404, bad argument 400, timeout 504, service unreachable 503, other remote failures 502.
 */
@RestControllerAdvice
class RpcErrorHandler {

    @ExceptionHandler(ZeroException.class)
    ResponseEntity<Map<String, Object>> rpcFailure(ZeroException ex) {
        return body(statusOf(ex), ex.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException ex) {
        return body(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    static HttpStatus statusOf(ZeroException ex) {
        if (ex instanceof ZeroRemoteException remote && remote.getServerMessage().startsWith("UserNotFoundException(")) {
            return HttpStatus.NOT_FOUND;
        }
        if (ex instanceof ZeroValidationException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (ex instanceof ZeroTimeoutException) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        if (ex instanceof ZeroConnectionException || ex instanceof ZeroServerBusyException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (ex instanceof ZeroMethodNotFoundException) {
            return HttpStatus.NOT_IMPLEMENTED;
        }
        return HttpStatus.BAD_GATEWAY;
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status)
            .body(Map.of("status", status.value(), "error", status.getReasonPhrase(), "message", String.valueOf(message)));
    }
}
