package vn.cantho.ioc.api.http;

/** The JSON body of every error response: a stable code and a message for people. */
public record ApiError(String code, String message) {}
