package org.bidnn.cli;

import picocli.CommandLine;

/** The version recorded in the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = BidnnCli.class.getPackage().getImplementationVersion();
        return new String[] {"bidnn " + (v == null ? "(development build)" : v)};
    }
}
