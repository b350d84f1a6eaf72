package vn.cantho.ioc.api.auth.jwt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal identity provider over real HTTP, as the hub meets Keycloak: the OpenID discovery document
 * at {@code <issuer>/.well-known/openid-configuration} and the public keys at its {@code jwks_uri}.
 * Tokens are signed in-process by its {@link TestIdp}.
 */
public final class TestIdpServer implements AutoCloseable {

    private static final String REALM = "/realms/ioc";
    private static final String CERTS = REALM + "/protocol/openid-connect/certs";

    private final HttpServer server;
    private final TestIdp idp;
    private final AtomicInteger keyFetches = new AtomicInteger();

    private TestIdpServer(HttpServer server) {
        this.server = server;
        this.idp = new TestIdp("http://127.0.0.1:" + server.getAddress().getPort() + REALM);
    }

    public static TestIdpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        TestIdpServer idp = new TestIdpServer(server);
        server.createContext(
                REALM + HttpJwksSource.DISCOVERY_PATH,
                exchange -> idp.answer(
                        exchange,
                        "{\"issuer\":\"" + idp.idp.issuer() + "\",\"jwks_uri\":\""
                                + idp.idp.issuer().replace(REALM, CERTS)
                                + "\",\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\"]}"));
        server.createContext(CERTS, exchange -> {
            idp.keyFetches.incrementAndGet();
            idp.answer(exchange, idp.idp.publicKeys().toString());
        });
        server.start();
        return idp;
    }

    public TestIdp idp() {
        return idp;
    }

    /** How often the key set was fetched. */
    public int keyFetches() {
        return keyFetches.get();
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The IdP goes down: connections are refused from now on. */
    @Override
    public void close() {
        server.stop(0);
    }
}
