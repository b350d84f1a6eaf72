package vn.cantho.ioc.hub;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import vn.cantho.ioc.model.health.HealthCheck;

/** The MQTT broker is up when its port accepts a TCP connection within two seconds. */
final class MqttHealth implements HealthCheck {

    private final URI broker;

    MqttHealth(String brokerUrl) {
        this.broker = URI.create(brokerUrl);
    }

    @Override
    public Status check() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(broker.getHost(), broker.getPort()), 2_000);
            return Status.up("listening at " + broker);
        } catch (IOException e) {
            return Status.down("no answer at " + broker + ": " + e.getMessage());
        }
    }
}
