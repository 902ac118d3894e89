package cn.hulian.server.security;

/**
 * Published when a request is answered 401: no token, or a token the server does not accept. The audit trail records
 * it.
 *
 * @param method        the HTTP method
 * @param path          the path and query that was asked for
 * @param remoteAddress the client's network address
 * @param reason        why the token was refused, in English
 */
public record AuthenticationRefused(String method, String path, String remoteAddress, String reason) {}
