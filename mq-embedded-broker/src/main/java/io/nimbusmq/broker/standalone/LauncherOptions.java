package io.nimbusmq.broker.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nimbusmq.broker.BrokerConfig;
import io.nimbusmq.broker.OperationsConfig;
import io.nimbusmq.broker.StoreSizes;
import io.nimbusmq.broker.auth.SecurityConfig;
import io.nimbusmq.broker.auth.acl2.AuthConfig;
import io.nimbusmq.broker.auth.plain.AclConfig;
import io.nimbusmq.broker.console.ConsoleConfig;
import io.nimbusmq.broker.schedule.ScheduleConfig;
import io.nimbusmq.broker.transaction.TransactionConfig;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.tls.TlsMode;
import io.nimbusmq.remoting.tls.TlsServerConfig;
import io.nimbusmq.store.flush.FlushMode;
import org.yaml.snakeyaml.Yaml;

/**
 * The standalone launcher's settings: a config file (YAML or properties) overridden by command-line options.
 *
 * <pre>
 * --config FILE            broker.yml / broker.properties with the keys below
 * --mode broker|namesrv    broker (default; with an embedded name server unless namesrv-addr is set) or name server only
 * --port N                 listen port (default 9876 with the embedded name server, else 10911)
 * --bind-host HOST         default 0.0.0.0
 * --advertised-host HOST   the address clients are given (default: the bind host, or this machine's address)
 * --store-dir DIR          default ./nimbus-data
 * --flush-mode ASYNC_FLUSH|SYNC_FLUSH
 * --namesrv-addr A;B       register with these name servers (ours or Apache RocketMQ's) instead of embedding one
 * --broker-name NAME  --cluster-name NAME  --auto-create-topic true|false (default false)
 * --delay-levels "1s 5s ... 2h"  --timer-max-delay-seconds 604800
 * --transaction-check-interval-millis N (30000)  --transaction-timeout-millis N (6000)  --transaction-check-max N (15)
 * --enable-property-filter true|false   SQL92 selectors (default true)
 * --acl-enable true|false  ACL 1.0: every request signed and allowed by plain_acl.yml (default false)
 * --acl-file FILE          the ACL 1.0 file (default conf/plain_acl.yml); changes apply without restart
 * --authentication-enabled true|false  ACL 2.0: every request signed by a user of config/acl (default false)
 * --authorization-enabled true|false   ACL 2.0: every request allowed by its user's policies (default false)
 * --init-authentication-user NAME:PASSWORD  ACL 2.0: the first super user, created unless it exists
 * --tls-mode disabled|permissive|enforcing   (default disabled)
 * --tls-cert FILE  --tls-key FILE  [--tls-key-password P]   server certificate and PKCS#8 key, PEM
 * --tls-client-auth none|optional|require  --tls-trust-cert FILE   mutual TLS: CAs client certificates chain to
 * --namesrv-access-key AK  --namesrv-secret-key SK   sign registrations with name servers that have ACL on
 * --commit-log-segment-size SIZE         each commit log segment (default 1GiB); the disk needs room for two
 * --consume-queue-file-size SIZE         each consume queue file (default 6000000 bytes: 300,000 entries)
 * --index-file-size SIZE                 each index file (default about 420MB)
 * --console-port N         serve the web console on this HTTP port (off unless given; 0 picks a free one)
 * --console-bind-host HOST the console's interface (default 127.0.0.1: this machine only)
 * --vip-channel-enabled true|false  also listen on port - 2, RocketMQ's "VIP channel" (default true, as RocketMQ)
 * --metrics-port N         Prometheus metrics on http://bind-host:N/metrics (off unless given; 0 picks a free one)
 * </pre>
 *
 * A SIZE is a number of bytes with an optional binary unit: {@code 64MB}, {@code 64MiB}, {@code 64m}, {@code 1g},
 * {@code 512KiB}. The sizes apply to a new store: an existing one must keep the sizes it was created with.
 */
public record LauncherOptions(String mode, BrokerConfig broker, ConsoleConfig console) {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(|b|[kmg]|[kmg]b|[kmg]ib)",
            Pattern.CASE_INSENSITIVE);

    static final List<String> KEYS = List.of("mode", "port", "bind-host", "advertised-host", "store-dir",
            "flush-mode", "namesrv-addr", "broker-name", "cluster-name", "auto-create-topic", "delay-levels",
            "timer-max-delay-seconds", "transaction-check-interval-millis", "transaction-timeout-millis",
            "transaction-check-max", "enable-property-filter", "acl-enable", "acl-file", "authentication-enabled",
            "authorization-enabled", "init-authentication-user", "tls-mode", "tls-cert",
            "tls-key", "tls-key-password", "tls-client-auth", "tls-trust-cert", "namesrv-access-key",
            "namesrv-secret-key", "commit-log-segment-size", "consume-queue-file-size", "index-file-size",
            "console-port", "console-bind-host", "vip-channel-enabled", "metrics-port");

    public static LauncherOptions parse(String[] args) throws IOException {
        Map<String, String> cli = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options look like --port 9876");
            }
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option --" + key + " needs a value");
            }
            cli.put(key, value);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String configFile = cli.remove("config");
        if (configFile != null) {
            settings.putAll(readFile(Path.of(configFile)));
        }
        settings.putAll(cli);
        for (String key : settings.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "'; known: " + KEYS);
            }
        }
        return fromSettings(settings);
    }

    private static LauncherOptions fromSettings(Map<String, String> s) {
        String mode = s.getOrDefault("mode", "broker").toLowerCase(Locale.ROOT);
        if (!mode.equals("broker") && !mode.equals("namesrv")) {
            throw new IllegalArgumentException("mode must be broker or namesrv: " + mode);
        }
        List<String> nameServers = s.containsKey("namesrv-addr")
                ? Arrays.stream(s.get("namesrv-addr").split("[;,]")).map(String::trim).filter(a -> !a.isEmpty())
                        .toList()
                : List.of();
        int defaultPort = mode.equals("namesrv") || nameServers.isEmpty() ? 9876 : 10911;
        FlushMode flushMode = FlushMode.valueOf(s.getOrDefault("flush-mode", "ASYNC_FLUSH").toUpperCase(Locale.ROOT));
        BrokerConfig config = new BrokerConfig(s.get("cluster-name"), s.get("broker-name"),
                s.getOrDefault("bind-host", "0.0.0.0"), Integer.parseInt(s.getOrDefault("port", "" + defaultPort)),
                s.get("advertised-host"), Path.of(s.getOrDefault("store-dir", "nimbus-data")), flushMode,
                nameServers, Boolean.parseBoolean(s.getOrDefault("auto-create-topic", "false")), false,
                parseBoolean(s.getOrDefault("enable-property-filter", "true"), "enable-property-filter"),
                schedule(s), transactionConfig(s), security(s), storeSizes(s), operations(s));
        if (mode.equals("namesrv") && config.security().auth().enabled()) {
            throw new IllegalArgumentException("a name server has no ACL 2.0 (nor has RocketMQ's): use --acl-enable "
                    + "and --acl-file to protect it");
        }
        return new LauncherOptions(mode, config, console(s));
    }

    /** The VIP channel on as in RocketMQ; the metrics endpoint off unless a port is given. */
    private static OperationsConfig operations(Map<String, String> s) {
        OperationsConfig operations = OperationsConfig.defaults().withVipChannelEnabled(
                parseBoolean(s.getOrDefault("vip-channel-enabled", "true"), "vip-channel-enabled"));
        String port = s.get("metrics-port");
        return port == null ? operations : operations.withMetricsPort(port(port, "metrics-port"));
    }

    private static int port(String value, String key) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a port number: " + value);
        }
    }

    /** Off unless a console port is given: a production broker serves no web pages unless asked to. */
    private static ConsoleConfig console(Map<String, String> s) {
        String port = s.get("console-port");
        if (port == null) {
            if (s.containsKey("console-bind-host")) {
                throw new IllegalArgumentException("console-bind-host needs console-port (the console is off "
                        + "without it)");
            }
            return ConsoleConfig.disabled();
        }
        return ConsoleConfig.enabled(s.getOrDefault("console-bind-host", "127.0.0.1"), port(port, "console-port"));
    }

    private static SecurityConfig security(Map<String, String> s) {
        AclConfig acl = parseBoolean(s.getOrDefault("acl-enable", "false"), "acl-enable")
                ? AclConfig.plainAcl(Path.of(s.getOrDefault("acl-file", "conf/plain_acl.yml")))
                : AclConfig.disabled();
        TlsMode mode = TlsMode.parse(s.getOrDefault("tls-mode", "disabled"));
        TlsServerConfig tls = TlsServerConfig.disabled();
        if (mode != TlsMode.DISABLED) {
            tls = TlsServerConfig.of(mode, path(s, "tls-cert"), path(s, "tls-key"))
                    .withPrivateKeyPassword(s.get("tls-key-password"))
                    .withClientAuth(TlsServerConfig.ClientAuth.parse(s.getOrDefault("tls-client-auth", "none")),
                            path(s, "tls-trust-cert"));
        }
        return new SecurityConfig(acl, auth(s), tls,
                SessionCredentials.ofNullable(s.get("namesrv-access-key"), s.get("namesrv-secret-key")));
    }

    private static AuthConfig auth(Map<String, String> s) {
        return new AuthConfig(parseBoolean(s.getOrDefault("authentication-enabled", "false"), "authentication-enabled"),
                parseBoolean(s.getOrDefault("authorization-enabled", "false"), "authorization-enabled"),
                AuthConfig.parseInitUser(s.get("init-authentication-user")));
    }

    private static Path path(Map<String, String> s, String key) {
        String value = s.get(key);
        return value == null || value.isBlank() ? null : Path.of(value.trim());
    }

    private static boolean parseBoolean(String value, String key) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (!normalized.equals("true") && !normalized.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false: " + value);
        }
        return normalized.equals("true");
    }

    private static StoreSizes storeSizes(Map<String, String> s) {
        StoreSizes defaults = StoreSizes.production();
        int commitLog = size(s, "commit-log-segment-size", defaults.commitLogSegmentBytes());
        int consumeQueue = size(s, "consume-queue-file-size", defaults.consumeQueueFileBytes());
        int index = size(s, "index-file-size", (int) defaults.indexFileBytes());
        try {
            return StoreSizes.ofFileSizes(commitLog, consumeQueue, index);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("store file sizes: " + e.getMessage(), e);
        }
    }

    /** {@code 64MB}, {@code 64MiB}, {@code 64m}, {@code 1g}, {@code 512k} or a plain number of bytes. */
    static int size(Map<String, String> s, String key, int defaultBytes) {
        String text = s.get(key);
        if (text == null) {
            return defaultBytes;
        }
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(key + " must be a size such as 64MB or 1GiB: " + text);
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        long factor = unit.isEmpty() || unit.equals("b") ? 1 : switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
        };
        long bytes = Long.parseLong(m.group(1)) * factor;
        if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be between 1 byte and 2GiB - 1: " + text);
        }
        return (int) bytes;
    }

    private static ScheduleConfig schedule(Map<String, String> s) {
        ScheduleConfig schedule = ScheduleConfig.defaults().withDelayLevels(s.get("delay-levels"));
        String maxDelaySeconds = s.get("timer-max-delay-seconds");
        return maxDelaySeconds == null ? schedule
                : schedule.withTimerMaxDelayMillis(Long.parseLong(maxDelaySeconds.trim()) * 1000L);
    }

    private static TransactionConfig transactionConfig(Map<String, String> s) {
        TransactionConfig defaults = TransactionConfig.defaults();
        return new TransactionConfig(
                Long.parseLong(s.getOrDefault("transaction-check-interval-millis",
                        "" + defaults.checkIntervalMillis())),
                Long.parseLong(s.getOrDefault("transaction-timeout-millis", "" + defaults.timeoutMillis())),
                Integer.parseInt(s.getOrDefault("transaction-check-max", "" + defaults.checkMax())));
    }

    private static Map<String, String> readFile(Path file) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        String name = file.getFileName().toString();
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            try (Reader reader = Files.newBufferedReader(file)) {
                Object loaded = new Yaml().load(reader);
                if (loaded instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> settings.put(String.valueOf(k), String.valueOf(v)));
                } else if (loaded != null) {
                    throw new IllegalArgumentException(file + " must be a map of settings");
                }
            }
        } else {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            properties.forEach((k, v) -> settings.put(String.valueOf(k), String.valueOf(v)));
        }
        return settings;
    }
}
