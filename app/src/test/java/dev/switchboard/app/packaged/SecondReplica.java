package dev.switchboard.app.packaged;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another replica of the packaged application (the jar, or the native executable when the ITs run against
 * one), on the same Postgres and Redis as the one Quarkus started, pointed at that one's sandbox simulator.
 */
final class SecondReplica {

    static final String SIMULATOR = "http://127.0.0.1:18089";

    private SecondReplica() {
    }

    /** Starts it and waits until it is ready. {@code settings} are extra {@code -D} properties. */
    static Process start(int port, String name, Map<String, String> settings) throws Exception {
        List<String> command = new ArrayList<>();
        String nativeImage = System.getProperty("native.image.path");
        boolean isNative = nativeImage != null && new File(nativeImage).canExecute();
        command.add(isNative ? nativeImage : Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(
                "-Dquarkus.profile=test",
                "-Dquarkus.http.port=" + port,
                // the first replica owns the schema: this one must never clean it
                "-Dquarkus.flyway.clean-at-start=false",
                "-Dswitchboard.hamsa.sandbox.enabled=false",
                "-Dhamsa.base-url=" + SIMULATOR,
                "-Dhamsa.api-key=test-sandbox-key-7c1f9e",
                "-Dquarkus.log.file.path=target/" + name + ".log"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (!isNative) {
            command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        }
        Path out = Path.of("target", name + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + Files.readString(out));
            }
            try {
                if (given().baseUri("http://127.0.0.1").port(port).get("/q/health/ready").statusCode() == 200) {
                    return process;
                }
            } catch (Exception notYet) { // RestAssured throws ConnectException unchecked, through Groovy
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroy();
        throw new IllegalStateException(name + " not ready in 90s");
    }

    static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }
}
