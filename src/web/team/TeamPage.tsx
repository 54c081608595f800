import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ROLE_LABELS } from "../../core/api/roles";
import { useSession } from "../auth/session";
import { Button, Card, Loading, PageHeader } from "../ui/components";
import { myTherapistQuery, type StaffMember, staffQuery } from "./api";
import { BioForm } from "./BioForm";
import { FeedUrl } from "./FeedUrl";
import { InviteForm, type InviteTarget } from "./InviteForm";
import styles from "./team.module.css";

function signInState(member: StaffMember): string {
  if (member.hasSignIn) return member.email ?? "";
  if (member.invitedUntil)
    return `No sign-in yet: invited, link open until ${new Date(member.invitedUntil).toLocaleDateString()}`;
  return "No sign-in yet";
}

function MemberRow({
  member,
  isOwner,
  onInvite,
}: {
  member: StaffMember;
  isOwner: boolean;
  onInvite: (target: InviteTarget) => void;
}) {
  const [showFeed, setShowFeed] = useState(false);
  const [showBio, setShowBio] = useState(false);
  const { therapistId } = member;
  return (
    <li className="kw-stack">
      <div className={`kw-row ${styles.member}`}>
        <span className={styles.name}>{member.name}</span>
        <span className={`kw-muted ${member.hasSignIn ? "" : styles.noSignIn}`}>{signInState(member)}</span>
        <span className="kw-spacer" />
        <span className="kw-badge kw-badge--neutral">{ROLE_LABELS[member.role]}</span>
        {isOwner && therapistId ? (
          <span className={styles.actions}>
            {member.hasSignIn ? null : (
              <Button variant="secondary" onClick={() => onInvite({ therapistId, name: member.name })}>
                Invite to sign in
              </Button>
            )}
            <Button variant="ghost" aria-expanded={showBio} onClick={() => setShowBio(!showBio)}>
              Public bio
            </Button>
            <Button variant="ghost" aria-expanded={showFeed} onClick={() => setShowFeed(!showFeed)}>
              Calendar feed
            </Button>
          </span>
        ) : null}
      </div>
      {showBio && therapistId ? <BioForm therapistId={therapistId} name={member.name} /> : null}
      {showFeed && therapistId ? <FeedUrl therapistId={therapistId} name={member.name} /> : null}
    </li>
  );
}

/** A therapist sees only their own public bio here; the team list is the owner's and the desk's. */
function OwnBio() {
  const mine = useQuery(myTherapistQuery);
  if (mine.isPending) return <Loading />;
  if (!mine.data) return <Card title="Your public bio">You are not on the calendar as a therapist.</Card>;
  return (
    <Card title="Your public bio">
      <BioForm therapistId={mine.data.id} name={mine.data.displayName} />
    </Card>
  );
}

export default function TeamPage() {
  const { context } = useSession();
  if (context?.role === "therapist") {
    return (
      <>
        <PageHeader
          title="Your profile"
          description="What visitors read about you on the clinic's public page."
        />
        <OwnBio />
      </>
    );
  }
  return <TeamList isOwner={context?.role === "owner"} />;
}

function TeamList({ isOwner }: { isOwner: boolean }) {
  const [target, setTarget] = useState<InviteTarget | null>(null);
  const staff = useQuery(staffQuery);
  return (
    <>
      <PageHeader
        title="Team"
        description="Who works at the clinic and in which role, therapists without a sign-in too."
      />
      <div className="kw-grid kw-grid--wide">
        <Card title="Team" flush>
          {staff.isPending ? (
            <Loading />
          ) : (
            <ul className="kw-list">
              {(staff.data ?? []).map((m) => (
                <MemberRow
                  key={m.userId ?? m.therapistId}
                  member={m}
                  isOwner={isOwner}
                  onInvite={setTarget}
                />
              ))}
            </ul>
          )}
        </Card>
        {isOwner ? <InviteForm target={target} onDone={() => setTarget(null)} /> : null}
      </div>
    </>
  );
}
