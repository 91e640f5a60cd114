package io.zeroapi.bench.server.zero;

import io.zeroapi.bench.server.ChildProcess;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Target (3): a Spring Boot application (no web server) serving one {@code @ZeroRpc("echo")} method with Zero
 * for Spring. The property {@code bench.echo} picks the handler: {@code inline} (nonBlocking, runs on the I/O
 * thread), {@code sync} (default worker pool) or {@code async} (a future completed after 10 ms by a timer).
 * Pass Spring properties as {@code --name=value} arguments. It announces its ZeroMQ port, or its TCP port when it
 * serves Zero's TCP protocol alone.
 */
@SpringBootApplication
public class ZeroEchoApplication {

    public static void main(String[] args) {
        ChildProcess.exitWhenParentExits();
        SpringApplication application = new SpringApplication(ZeroEchoApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        ConfigurableApplicationContext context = application.run(args);
        Integer port = context.getEnvironment().getProperty("local.zero.server.port", Integer.class);
        ChildProcess.announcePort(port != null ? port
                : context.getEnvironment().getRequiredProperty("local.zero.server.tcp.port", Integer.class));
    }

}
