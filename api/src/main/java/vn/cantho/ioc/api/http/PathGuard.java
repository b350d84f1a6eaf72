package vn.cantho.ioc.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses request paths with a {@code .} or {@code ..} segment (also percent-encoded, also before a
 * {@code ;} parameter) or a NUL character with 400 {@code BAD_REQUEST}, before routing. No route or console
 * file has such a path, and Javalin's static-file lookup fails on them with an empty 500 instead of a 404.
 * The answer is written by {@link ServerErrorHandler}, so it is the usual JSON error.
 */
public final class PathGuard implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String problem = problem(((HttpServletRequest) request).getRequestURI());
        if (problem != null) {
            ((HttpServletResponse) response).sendError(400, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with a raw (still percent-encoded) request path; null when nothing. */
    static String problem(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        for (String segment : rawPath.split("/", -1)) {
            String decoded = percentDecoded(segment);
            if (decoded.indexOf('\0') >= 0) {
                return "the path contains a NUL character";
            }
            int parameters = decoded.indexOf(';');
            String name = parameters < 0 ? decoded : decoded.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return "the path contains a '" + name + "' segment";
            }
        }
        return null;
    }

    /** Decodes %XX escapes, repeatedly, so a double-encoded dot is a dot too; anything else is kept as it is. */
    private static String percentDecoded(String segment) {
        String text = segment;
        for (int round = 0; round < 3 && text.indexOf('%') >= 0; round++) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%'
                        && i + 2 < text.length()
                        && Character.digit(text.charAt(i + 1), 16) >= 0
                        && Character.digit(text.charAt(i + 2), 16) >= 0) {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.append(c);
                }
            }
            text = out.toString();
        }
        return text;
    }
}
