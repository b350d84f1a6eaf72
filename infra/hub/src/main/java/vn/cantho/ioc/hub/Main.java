package vn.cantho.ioc.hub;

import java.util.concurrent.CountDownLatch;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;
import vn.cantho.ioc.streams.rules.catalogue.InvalidCatalogueException;

/**
 * Launcher: {@code up} starts the hub from the environment's configuration and runs until SIGTERM/Ctrl-C;
 * {@code token ...} administers API tokens ({@link TokenCli}).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "up" : args[0];
        if (command.equals("token")) {
            System.exit(TokenCli.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length),
                    Config.fromEnvironment(),
                    System.out,
                    System.err));
        }
        if (!command.equals("up")) {
            System.err.println(
                    "usage: ioc up | ioc token ...   (configuration comes from environment variables; see README)");
            System.exit(2);
        }
        HubConfig config;
        try {
            config = HubConfig.from(Config.fromEnvironment());
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Hub hub;
        try {
            hub = Hub.start(config);
        } catch (InvalidCatalogueException e) {
            System.err.println("rule catalogue error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping the hub...");
                            hub.close();
                            stopped.countDown();
                        },
                        "hub-shutdown"));
        System.out.println(Banner.render(hub));
        stopped.await();
    }
}
