package io.nimbusmq.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.broker.benchmark.ClassLoadCounts;
import io.nimbusmq.broker.benchmark.FirstStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a first start in a fresh JVM loads (docs/broker.md, "Start-up"), counted from {@code -Xlog:class+load}, which
 * holds however busy the machine is: {@link FirstStart} sets logging up first, as an application has it, then starts
 * an embedded broker on a new store.
 */
class StartupClassLoadingIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void aFirstStartOnANewStoreLoadsNoJsonMapperNoLoggingConfigurationAndNoNativeBinding() throws Exception {
        List<String> started = classesLoadedByFirstStart();

        assertThat(started).as("no config file to read, none changed: nothing to parse or write")
                .noneMatch(name -> name.equals("com.fasterxml.jackson.databind.ObjectMapper")
                        || name.equals("com.fasterxml.jackson.core.JsonFactory"));
        assertThat(started).as("the broker sets no logging up: the application's is used as it is")
                .noneMatch(name -> name.startsWith("ch.qos.logback.core.joran.")
                        || name.startsWith("ch.qos.logback.core.model."));
        assertThat(started).as("the embedded store's 64 MiB segments are zero-filled: JNA is never bound")
                .noneMatch(name -> name.startsWith("com.sun.jna."));
        assertThat(started).as("the broker's own classes are loaded, so the markers worked")
                .anyMatch(name -> name.equals(BrokerRuntime.class.getName()));
    }

    /** The classes loaded between {@link FirstStart}'s markers, in a fresh JVM. */
    private List<String> classesLoadedByFirstStart() throws Exception {
        Path log = dir.resolve("class-load.log");
        Path classpath = Files.writeString(dir.resolve("classpath.args"), // an argument file: no length limit
                "-cp \"" + System.getProperty("java.class.path") + "\"");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Dbenchmark.loggingFirst=true", "-Xlog:class+load=info:file=" + log, "@" + classpath,
                FirstStart.class.getName())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            assertThat(jvm.waitFor(5, TimeUnit.MINUTES)).as("the first start's JVM ended").isTrue();
        } finally {
            jvm.destroyForcibly();
        }
        assertThat(jvm.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
        return ClassLoadCounts.firstStart(ClassLoadCounts.classNames(log));
    }
}
