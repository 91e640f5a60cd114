package io.zeroapi.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

import org.springframework.core.ReactiveAdapter;
import org.springframework.util.ClassUtils;

/**
 * One served function: a bean method under an RPC name, with its argument type and execution path.
 * Created and checked by {@link ZeroRpcEndpointFactory}.
 */
public final class ZeroRpcEndpoint {

    private final String name;

    private final String beanName;

    private final Object bean;

    private final Method method;

    private final Type parameterType;

    private final ExecutionPath path;

    private final ReactiveAdapter adapter;

    ZeroRpcEndpoint(String name, String beanName, Object bean, Method method, ExecutionPath path,
            ReactiveAdapter adapter) {
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
    Type parameterType() {
        return parameterType;
    }

    /** Adapter of a reactive return type (e.g. {@code Mono}), or {@code null}. */
    ReactiveAdapter adapter() {
        return adapter;
    }

    /**
     * Calls the method; the handler's own exception is thrown as is (not wrapped).
     */
    Object invoke(Object argument) throws Throwable {
        try {
            return parameterType == null ? method.invoke(bean) : method.invoke(bean, argument);
        }
        catch (InvocationTargetException ex) {
            throw ex.getTargetException();
        }
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
