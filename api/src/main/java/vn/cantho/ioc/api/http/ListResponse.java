package vn.cantho.ioc.api.http;

import java.util.List;

/**
 * The envelope of every list the API returns. An object rather than a bare array so fields such as
 * a cursor can be added without breaking clients.
 */
public record ListResponse<T>(List<T> items) {}
