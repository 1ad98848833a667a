import { BookOpen } from "lucide-react";
import { Card } from "../../ui/card.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { glossary, glossaryIds } from "./glossary.ts";
import "./glossary.css";

export function GlossaryPage() {
  useTitle("Glossary");
  return (
    <>
      <PageHeader
        title="Glossary"
        description="The words Sidecar uses for planning a product career, in a sentence or two each."
      />
      <Card icon={<BookOpen size={18} />} title="Words of the method">
        <dl className="glossary">
          {glossaryIds.map((id) => (
            <div key={id} id={id} className="glossary-entry" tabIndex={-1}>
              <dt>{glossary[id].term}</dt>
              <dd>
                <p>{glossary[id].short}</p>
                {glossary[id].more ? <p className="muted">{glossary[id].more}</p> : null}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
