package io.kliping.jobs;
public final class Main { public static void main(String[] a) {} }
