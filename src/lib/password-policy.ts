// The length rule for passwords, shared by the server (which enforces it) and the forms (which say it).
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
