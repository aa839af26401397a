package io.nimbusmq.store.file;

/** What a flush service forces: the commit log's {@link MappedFileQueue}, or a stand-in that fails in a test. */
public interface ForceableLog {

    /** Forces every written byte to disk and returns the offset up to which all bytes are forced. */
    long flush();

    /** Offset up to which every byte is forced. */
    long flushedOffset();

    /** Offset just past the last written byte. */
    long maxOffset();
}
