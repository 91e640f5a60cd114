/**
 * The {@code @ZeroRpc} pipeline: finding annotated methods ({@link io.zeroapi.endpoint.ZeroRpcMethods}), checking
 * them ({@link io.zeroapi.endpoint.ZeroRpcEndpointFactory}), collecting them
 * ({@link io.zeroapi.endpoint.ZeroRpcEndpointRegistry}, the one entry point, also without Spring contexts) and the
 * served function itself ({@link io.zeroapi.endpoint.ZeroRpcEndpoint}).
 */
@NullMarked
package io.zeroapi.endpoint;

import org.jspecify.annotations.NullMarked;
