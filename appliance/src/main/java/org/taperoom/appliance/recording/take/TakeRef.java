package org.taperoom.appliance.recording.take;

import java.nio.file.Path;

/**
 * A take the engine is recording or has recorded.
 *
 * @param id     the library id (the folder's path relative to the library, with '/' replaced by '_'), safe for URLs
 * @param folder the take's folder
 */
public record TakeRef(String id, Path folder) {}
