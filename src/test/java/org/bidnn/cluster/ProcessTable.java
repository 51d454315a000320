package org.bidnn.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Linux's process table (/proc), for finding the cluster's processes by what they run and where. */
final class ProcessTable {

    private ProcessTable() {
    }

    /** The full command line of a process ("" if it is gone), read from /proc/PID/cmdline. */
    static String commandLine(ProcessHandle p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return p.info().commandLine().orElse("");
        }
    }

    /** The working directory of a process, or null if unknown. */
    static Path workingDirectory(ProcessHandle p) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Kills, by PID (SIGKILL), every process but this JVM that works in {@code dir} (or below) or
     * names it on its command line: the last sweep of a fixture's teardown, for a process started
     * in the instant between listing a daemon's children and killing the daemon, or by a YARN
     * NodeManager.
     *
     * @return the pids killed
     */
    static List<Long> killAllUnder(Path dir) {
        long self = ProcessHandle.current().pid();
        String marker = dir.toAbsolutePath().toString();
        List<ProcessHandle> stray = ProcessHandle.allProcesses().filter(p -> p.pid() != self).filter(p -> {
            Path cwd = workingDirectory(p);
            return (cwd != null && cwd.startsWith(dir.toAbsolutePath())) || commandLine(p).contains(marker);
        }).toList();
        stray.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : stray) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // beyond reach after SIGKILL; go on
            }
        }
        return stray.stream().map(ProcessHandle::pid).toList();
    }
}
