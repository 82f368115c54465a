package org.taperoom.web.security;

/**
 * Who a session belongs to: a teacher (the administrator PIN or a teacher's own PIN), a student
 * (their login code or their QR code), or nobody (a request without a session). A take, song or
 * export belongs to a student ({@code owner} is the student's id) or to the teachers ({@code owner}
 * null: what the wall button, the command line or a teacher records).
 *
 * @param id        the student's or teacher's id; "admin" for the administrator PIN, "" for nobody
 * @param className the student's class ("" for teachers)
 */
public record Person(Role role, String id, String name, String className) {
    public enum Role { TEACHER, STUDENT, NOBODY }

    public static final Person ADMIN = new Person(Role.TEACHER, "admin", "", "");
    public static final Person NOBODY = new Person(Role.NOBODY, "", "", "");

    public static Person student(String id, String name, String className) {
        return new Person(Role.STUDENT, id, name, className);
    }

    public boolean isTeacher() {
        return role == Role.TEACHER;
    }

    public boolean isStudent() {
        return role == Role.STUDENT;
    }

    /** Whether this person may see and change work whose owner is {@code owner} (null: the teachers'). */
    public boolean maySee(String owner) {
        return switch (role) {
            case TEACHER -> true;
            case STUDENT -> id.equals(owner);
            case NOBODY -> false;
        };
    }
}
