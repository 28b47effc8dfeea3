package dev.lambdalocal.junit.handlers;

/** A class that is no Lambda handler. */
public class NotAHandler {}
