package io.zeroapi.endpoint;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.codec.ZeroCodecException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * One served function: a bean method under an RPC name, with its argument type and execution path. It decodes its
 * own argument, invokes the method and turns an asynchronous result into a future. Created and checked by
 * {@link ZeroRpcEndpointFactory}.
 */
public final class ZeroRpcEndpoint {

    private static final byte[] NIL = { (byte) 0xc0 };

    private final String name;

    private final String beanName;

    private final Object bean;

    private final Method method;

    private final @Nullable Type parameterType;

    private final ExecutionPath path;

    private final @Nullable ReactiveAdapter adapter;

    ZeroRpcEndpoint(String name, String beanName, Object bean, Method method, ExecutionPath path,
            @Nullable ReactiveAdapter adapter) {
        this.name = name;
        this.beanName = beanName;
        this.bean = bean;
        this.method = method;
        this.parameterType = method.getParameterCount() == 0 ? null : method.getGenericParameterTypes()[0];
        this.path = path;
        this.adapter = adapter;
    }

    /** RPC name clients call. */
    public String name() {
        return name;
    }

    /** Name of the bean that serves the function. */
    public String beanName() {
        return beanName;
    }

    /** The method invoked (on the bean, through its proxy if it has one). */
    public Method method() {
        return method;
    }

    /** Where the method runs. */
    public ExecutionPath path() {
        return path;
    }

    /** Declared generic type of the parameter, or {@code null} for a method without one. */
    public @Nullable Type parameterType() {
        return parameterType;
    }

    /** Whether the method takes an argument. */
    public boolean takesArgument() {
        return parameterType != null;
    }

    /**
     * Decodes the argument from {@code length} msgpack bytes of {@code bytes} at {@code offset} to the parameter's
     * declared type. No bytes (the caller sent no argument) give {@code null}, {@code Optional.empty()} or, for a
     * primitive, the codec's refusal of nil. A method without a parameter checks that the bytes decode and ignores
     * them, as Zero does.
     * @throws ZeroCodecException if the bytes are not msgpack or do not match the type
     */
    public @Nullable Object decodeArgument(ZeroCodec codec, byte[] bytes, int offset, int length) {
        Type type = parameterType;
        if (type == null) {
            if (length > 0) {
                codec.decode(bytes, offset, length);
            }
            return null;
        }
        if (length == 0) {
            Class<?> raw = ResolvableType.forType(type).toClass();
            if (raw.isPrimitive()) {
                return codec.decode(NIL, 0, 1, type);
            }
            return raw == Optional.class ? Optional.empty() : null;
        }
        return codec.decode(bytes, offset, length, type);
    }

    /**
     * Calls the method; the handler's own exception is thrown as is (not wrapped).
     */
    public @Nullable Object invoke(@Nullable Object argument) throws Throwable {
        try {
            return parameterType == null ? method.invoke(bean) : method.invoke(bean, argument);
        }
        catch (InvocationTargetException ex) {
            throw ex.getTargetException();
        }
    }

    /**
     * The future of an asynchronous result ({@code CompletionStage}, or a single-value reactive type such as
     * {@code Mono}, whose future completes with {@code null} when it is empty), or {@code null} for a plain value;
     * cancelling the future cancels the subscription.
     */
    public @Nullable CompletableFuture<?> pendingResult(@Nullable Object result) {
        if (result instanceof CompletionStage<?> stage) {
            return stage.toCompletableFuture();
        }
        if (adapter != null && result != null) {
            return PublisherFuture.of(adapter, result);
        }
        return null;
    }

    /** One-line description: {@code name -> bean#method(ParamType): ReturnType}. */
    public String describe() {
        String parameter = parameterType == null ? "" : typeName(parameterType);
        return name + " -> " + beanName + "#" + method.getName() + "(" + parameter + "): "
                + typeName(method.getGenericReturnType()) + " [" + path.name().toLowerCase().replace('_', ' ') + "]";
    }

    private static String typeName(Type type) {
        return type instanceof Class<?> clazz ? ClassUtils.getShortName(clazz) : shorten(type.getTypeName());
    }

    private static String shorten(String typeName) {
        return typeName.replaceAll("[\\w$]+\\.", "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
