// Migration 0002: row-level security. Applied once, in order, by migrate(); never edited once released.
// A TypeScript module holding plain SQL, so that it runs unchanged from source (vitest, tsx) and
// from the bundle.
export const rowLevelSecurity = `-- Row-level security: the second line of tenant isolation, behind the tenant_id filter that every
-- query carries. It binds the roles that do not own the tables (the owner and superusers bypass
-- it): a role listed in tenant_roles sees only its tenant's rows, whatever SQL it runs; any other
-- role sees the tenant named by the account_planning.tenant setting, and nothing without one.
-- See docs/storage.md, "Tenants and row-level security", for the role setup.

CREATE TABLE {{schema}}.tenant_roles (
  role_name name PRIMARY KEY,
  tenant_id text NOT NULL
);

CREATE FUNCTION {{schema}}.current_tenant() RETURNS text
LANGUAGE sql STABLE
AS $function$
  SELECT coalesce(
    (SELECT r.tenant_id FROM {{schema}}.tenant_roles r WHERE r.role_name = current_user),
    nullif(current_setting('account_planning.tenant', true), '')
  )
$function$;

ALTER TABLE {{schema}}.tenant_roles ENABLE ROW LEVEL SECURITY;
-- A tenant's role may read its own mapping (the policy below needs it) and no other.
CREATE POLICY own_mapping ON {{schema}}.tenant_roles FOR SELECT USING (role_name = current_user);

ALTER TABLE {{schema}}.streams ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON {{schema}}.streams
  USING (tenant_id = {{schema}}.current_tenant())
  WITH CHECK (tenant_id = {{schema}}.current_tenant());

ALTER TABLE {{schema}}.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON {{schema}}.events
  USING (tenant_id = {{schema}}.current_tenant())
  WITH CHECK (tenant_id = {{schema}}.current_tenant());

ALTER TABLE {{schema}}.checkpoints ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON {{schema}}.checkpoints
  USING (tenant_id = {{schema}}.current_tenant())
  WITH CHECK (tenant_id = {{schema}}.current_tenant());

ALTER TABLE {{schema}}.snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON {{schema}}.snapshots
  USING (tenant_id = {{schema}}.current_tenant())
  WITH CHECK (tenant_id = {{schema}}.current_tenant());
`;
