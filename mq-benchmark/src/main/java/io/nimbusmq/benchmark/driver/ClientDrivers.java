package io.nimbusmq.benchmark.driver;

import java.util.List;

/**
 * The client drivers the benchmark knows, by name.
 *
 * <ul>
 * <li>{@value #OFFICIAL}: {@link OfficialClientDriver}, always there.</li>
 * <li>{@value #NIMBUS}: our own client (mq-spring-boot-starter, package {@code io.nimbusmq.client}),
 * {@link NimbusClientDriver}, looked up by the class name {@value #NIMBUS_DRIVER_CLASS} (public no-argument
 * constructor) so that a classpath without the starter simply skips it. mq-benchmark depends on the starter, so its
 * load generator JVM runs on this module's own classpath (see {@link #runsOnOfficialClientClasspath}).</li>
 * </ul>
 */
public final class ClientDrivers {

    public static final String OFFICIAL = "official";
    public static final String NIMBUS = "nimbus";
    public static final String NIMBUS_DRIVER_CLASS = "io.nimbusmq.benchmark.driver.NimbusClientDriver";
    public static final List<String> KNOWN = List.of(OFFICIAL, NIMBUS);

    private ClientDrivers() {
    }

    /** A new driver by name; fails for an unknown name or a driver that is not plugged in. */
    public static ClientDriver create(String name) {
        return switch (name) {
            case OFFICIAL -> new OfficialClientDriver();
            case NIMBUS -> instantiate(NIMBUS_DRIVER_CLASS);
            default -> throw new IllegalArgumentException("unknown client driver '" + name + "'; known: " + KNOWN);
        };
    }

    /** True if the driver can be created on this JVM's classpath. */
    public static boolean available(String name) {
        return switch (name) {
            case OFFICIAL -> true;
            case NIMBUS -> classExists(NIMBUS_DRIVER_CLASS);
            default -> false;
        };
    }

    /**
     * True for a driver whose load generator runs on the official client's own classpath (its declared Netty 4.1),
     * false for one that runs on this module's classpath (Netty 4.2 with the project's modules).
     */
    public static boolean runsOnOfficialClientClasspath(String name) {
        return name.equals(OFFICIAL);
    }

    private static boolean classExists(String className) {
        try {
            Class.forName(className, false, ClientDrivers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static ClientDriver instantiate(String className) {
        try {
            return (ClientDriver) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("client driver class " + className + " is not plugged in yet", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + className, e);
        }
    }
}
