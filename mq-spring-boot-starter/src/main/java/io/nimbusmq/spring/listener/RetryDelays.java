package io.nimbusmq.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.convert.DurationStyle;

import io.nimbusmq.client.consumer.ConsumerConfig;

/**
 * A retry schedule written as RocketMQ delay levels or as durations: {@code "3, 5, 9"} or {@code "10s, 1m, 5m"}
 * (mixed is allowed), the n-th entry for the n-th retry, the last one repeating. A retry goes back through the
 * broker's delay levels, so a duration becomes the first level at least that long with the broker's default levels
 * ({@code 1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h}): {@code 20s} waits 30 s. A broker with other
 * {@code messageDelayLevel}s keeps the level numbers and applies its own durations.
 */
public final class RetryDelays {

    /** The broker's default delay of each level, level 1 first. */
    static final List<Duration> DEFAULT_LEVELS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(3), Duration.ofMinutes(4), Duration.ofMinutes(5), Duration.ofMinutes(6),
            Duration.ofMinutes(7), Duration.ofMinutes(8), Duration.ofMinutes(9), Duration.ofMinutes(10),
            Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2));

    private RetryDelays() {
    }

    /**
     * @param setting the setting's name, for the error
     * @return the delay levels; null when {@code value} is blank
     * @throws InvalidListenerSettingException for an entry that is neither a level 1..18 nor a duration up to 2 h
     */
    public static List<Integer> parse(String value, String setting) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<Integer> levels = new ArrayList<>();
        for (String entry : value.split(",")) {
            levels.add(level(entry.trim(), value, setting));
        }
        return List.copyOf(levels);
    }

    private static int level(String entry, String value, String setting) {
        if (entry.chars().allMatch(Character::isDigit) && !entry.isEmpty()) {
            int level = Integer.parseInt(entry);
            if (level < 1 || level > ConsumerConfig.MAX_DELAY_LEVEL) {
                throw new InvalidListenerSettingException(setting, value, "delay level " + level
                        + " is not within 1.." + ConsumerConfig.MAX_DELAY_LEVEL);
            }
            return level;
        }
        Duration delay;
        try {
            delay = DurationStyle.detectAndParse(entry);
        } catch (IllegalArgumentException e) {
            throw new InvalidListenerSettingException(setting, value, "'" + entry + "' is neither a delay level "
                    + "nor a duration such as 30s or 5m");
        }
        for (int i = 0; i < DEFAULT_LEVELS.size(); i++) {
            if (DEFAULT_LEVELS.get(i).compareTo(delay) >= 0) {
                return i + 1;
            }
        }
        throw new InvalidListenerSettingException(setting, value, entry + " is longer than the longest delay "
                + "level (2h)");
    }
}
