package vn.cantho.ioc.ingest.feed;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * HTTP/1.1 connections whose request-parsing failures are all client errors. Jetty answers a request line
 * with an unknown or missing HTTP version (and a few other malformed requests) with a 5xx such as 505, as if
 * the server were at fault; the hub's bar is that bad input never gets a 5xx, so those become 400
 * {@code BAD_REQUEST} (the body is written by {@link FeedServerErrorHandler}). The query API has its own copy,
 * since stage modules do not import each other.
 */
final class ClientErrorConnectionFactory extends HttpConnectionFactory {

    ClientErrorConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    /** A connector on {@code host:port} (0 for any free port) with these connections. */
    static ServerConnector connector(Server server, HttpConfiguration configuration, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new ClientErrorConnectionFactory(configuration));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection =
                new HttpConnection(getHttpConfiguration(), connector, endPoint, isRecordHttpComplianceViolations()) {
                    @Override
                    protected HttpChannelOverHttp newHttpChannel() {
                        return new HttpChannelOverHttp(
                                this, getConnector(), getHttpConfiguration(), getEndPoint(), this) {
                            @Override
                            public void badMessage(BadMessageException failure) {
                                super.badMessage(
                                        failure.getCode() >= HttpStatus.INTERNAL_SERVER_ERROR_500
                                                ? new BadMessageException(
                                                        HttpStatus.BAD_REQUEST_400, failure.getReason(), failure)
                                                : failure);
                            }
                        };
                    }
                };
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }
}
