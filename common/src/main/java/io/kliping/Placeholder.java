package io.kliping;
final class Placeholder {}
