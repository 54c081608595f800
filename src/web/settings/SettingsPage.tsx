/**
 * The owner's clinic settings (docs/product.md F4/F10): booking policies, services, rooms, and each
 * therapist's weekly hours and time off. Each section is its own file; this page switches between them.
 */
import { useSearchParams } from "react-router";
import { zoneDisplayName } from "../appointments/time";
import { useSession } from "../auth/session";
import { Loading, PageHeader } from "../ui/components";
import { cx } from "../ui/cx";
import { HoursSection } from "./HoursSection";
import { NotificationsSection } from "./NotificationsSection";
import { PoliciesSection } from "./PoliciesSection";
import { ProfileSection } from "./ProfileSection";
import { RoomsSection } from "./RoomsSection";
import { ServicesSection } from "./ServicesSection";
import styles from "./Settings.module.css";

const SECTIONS = [
  { id: "policies", label: "Booking policies" },
  { id: "services", label: "Services" },
  { id: "hours", label: "Hours and time off" },
  { id: "rooms", label: "Rooms" },
  { id: "notifications", label: "Notifications" },
  { id: "profile", label: "Clinic profile" },
] as const;
type SectionId = (typeof SECTIONS)[number]["id"];

export default function SettingsPage() {
  const { context } = useSession();
  const [params, setParams] = useSearchParams();
  const section = (SECTIONS.find((s) => s.id === params.get("section"))?.id ?? "policies") as SectionId;
  if (!context) return <Loading />;
  return (
    <>
      <PageHeader
        title="Settings"
        description={`${context.clinicName} · times are the clinic's, ${zoneDisplayName(context.timeZone)}.`}
      />
      <nav className={cx(styles.settingsNav, "kw-pills")} aria-label="Settings sections">
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            className="kw-pill"
            aria-pressed={s.id === section}
            onClick={() => setParams(s.id === "policies" ? {} : { section: s.id }, { replace: true })}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <div className="kw-stack">
        {section === "policies" ? <PoliciesSection /> : null}
        {section === "services" ? <ServicesSection /> : null}
        {section === "hours" ? <HoursSection timeZone={context.timeZone} /> : null}
        {section === "rooms" ? <RoomsSection /> : null}
        {section === "notifications" ? <NotificationsSection /> : null}
        {section === "profile" ? <ProfileSection /> : null}
      </div>
    </>
  );
}
