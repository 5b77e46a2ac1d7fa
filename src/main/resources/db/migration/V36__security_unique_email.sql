-- Issue 15 (review): one e-mail address belongs to one user, whatever its case. Otherwise a user administrator could
-- give another region's user's address to a new user (the invitation goes to a person out of scope), and OIDC e-mail
-- matching would find two users and link neither, blocking the first one's login. The application refuses a taken
-- address with a field message (invite, profile); this index is the guarantee. It replaces V32's plain index.
drop index if exists app_user_by_email;
create unique index app_user_email_unique on app_user (lower(email)) where email is not null;
