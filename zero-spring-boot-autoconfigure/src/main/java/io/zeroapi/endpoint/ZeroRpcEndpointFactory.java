package io.zeroapi.endpoint;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.stream.BaseStream;

import io.zeroapi.frame.ZeroProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Checks a candidate {@code @ZeroRpc} method against Zero's contract and turns it into a
 * {@link ZeroRpcEndpoint}; every refusal is an {@link IllegalStateException} naming bean, method and fix.
 */
public final class ZeroRpcEndpointFactory {

    private final ReactiveAdapterRegistry adapters;

    /** A factory that recognises the reactive types of Spring's shared {@link ReactiveAdapterRegistry}. */
    public ZeroRpcEndpointFactory() {
        this(ReactiveAdapterRegistry.getSharedInstance());
    }

    public ZeroRpcEndpointFactory(ReactiveAdapterRegistry adapters) {
        this.adapters = adapters;
    }

    /**
     * Creates the endpoint for {@code method} (declared on the bean's user class) of {@code bean}.
     * @param name the RPC name, or empty for the method name
     * @param nonBlocking whether a plain method may run on the I/O thread
     * @throws IllegalStateException if the method cannot be served
     */
    public ZeroRpcEndpoint create(String beanName, Object bean, Method method, String name, boolean nonBlocking) {
        String where = "bean '" + beanName + "' method " + ClassUtils.getQualifiedMethodName(method);
        String rpcName = StringUtils.hasLength(name) ? name : method.getName();
        if (Modifier.isStatic(method.getModifiers())) {
            throw refuse(where, "is static", "make it an instance method");
        }
        if (method.getParameterCount() > 1) {
            throw refuse(where, "has " + method.getParameterCount() + " parameters",
                    "Zero passes one argument: take a single parameter (e.g. a record holding the values) or none");
        }
        checkName(where, rpcName);
        ExecutionPath path = nonBlocking ? ExecutionPath.IO_THREAD : ExecutionPath.WORKER;
        @Nullable ReactiveAdapter adapter = null;
        Class<?> returnType = method.getReturnType();
        if (CompletionStage.class.isAssignableFrom(returnType)) {
            path = ExecutionPath.ASYNC;
        }
        else {
            adapter = adapters.getAdapter(returnType);
            if (adapter != null || isMultiValue(returnType)) {
                if (adapter == null || adapter.isMultiValue()) {
                    throw refuse(where, "returns " + returnType.getSimpleName() + ", a multi-value type",
                            "Zero replies with one value: return a single value (e.g. a List), "
                                    + "CompletableFuture or Mono");
                }
                path = ExecutionPath.ASYNC;
            }
        }
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        return new ZeroRpcEndpoint(rpcName, beanName, bean, invocable, path, adapter);
    }

    private static void checkName(String where, String rpcName) {
        if (ZeroProtocol.RESERVED_NAMES.contains(rpcName)) {
            throw refuse(where, "uses Zero's reserved name '" + rpcName + "'",
                    "choose another name with @ZeroRpc(\"...\")");
        }
        int bytes = rpcName.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ZeroProtocol.MAX_NAME_BYTES) {
            throw refuse(where, "has the name '" + rpcName + "' of " + bytes + " UTF-8 bytes",
                    "Zero allows at most " + ZeroProtocol.MAX_NAME_BYTES + ": choose a shorter name with @ZeroRpc(\"...\")");
        }
        if (rpcName.isBlank() || !rpcName.strip().equals(rpcName)) {
            throw refuse(where, "has the name '" + rpcName + "' with leading or trailing whitespace",
                    "Zero strips names: remove the whitespace");
        }
    }

    private static boolean isMultiValue(Class<?> returnType) {
        return BaseStream.class.isAssignableFrom(returnType) || Iterator.class.isAssignableFrom(returnType)
                || Flow.Publisher.class.isAssignableFrom(returnType)
                || isReactiveStreamsPublisher(returnType);
    }

    private static boolean isReactiveStreamsPublisher(Class<?> returnType) {
        String name = "org.reactivestreams.Publisher";
        ClassLoader loader = returnType.getClassLoader();
        return loader != null && ClassUtils.isPresent(name, loader)
                && ClassUtils.resolveClassName(name, loader).isAssignableFrom(returnType);
    }

    private static IllegalStateException refuse(String where, String problem, String fix) {
        return new IllegalStateException("Cannot serve @ZeroRpc " + where + ": it " + problem + "; " + fix);
    }
}
