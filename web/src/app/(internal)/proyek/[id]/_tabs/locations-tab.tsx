import { Paper, Stack, Text, Title } from '@mantine/core';
import { getTranslations } from 'next-intl/server';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { LocationsEditor } from '@/components/projects/locations-editor';
import { ProjectMap, type ProjectMapPoint } from '@/components/projects/project-map';
import { fileHref } from '@/documents/links';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import type { ProjectHeader } from '../project-data';

const ProjectLocationsQuery = graphql(`
  query ProjectLocations($id: ID!) {
    loanProject(id: $id) {
      id
      locations {
        id
        latitude
        longitude
        address
        administrativeArea
        outline {
          lng
          lat
        }
      }
      progressReports {
        id
        period
        media {
          fileId
          kind
          caption
          latitude
          longitude
        }
      }
    }
  }
`);

/**
 * Lokasi: the project's points and outlines with the progress photos that carry GPS coordinates,
 * and for those who may change them (BPKAD, the executing agency) the locations editor.
 */
export async function LocationsTab({ header }: { header: ProjectHeader }) {
  const t = await getTranslations('projects.locations');
  const { data, error } = await runQuery(getClient(), ProjectLocationsQuery, { id: header.id });
  const project = data?.loanProject;
  const locations = project?.locations ?? [];
  const photos: ProjectMapPoint[] = (project?.progressReports ?? []).flatMap((report) =>
    report.media.flatMap((media, index) =>
      media.kind === 'PHOTO' && media.latitude != null && media.longitude != null
        ? [
            {
              id: `${report.id}-${media.fileId}-${index}`,
              latitude: media.latitude,
              longitude: media.longitude,
              label: t('photoLabel', {
                period: report.period,
                caption: media.caption ?? t('photoNoCaption'),
              }),
              href: fileHref(media.fileId),
              kind: 'photo' as const,
            },
          ]
        : [],
    ),
  );
  const points: ProjectMapPoint[] = [
    ...locations.map((location) => ({
      id: location.id,
      latitude: location.latitude,
      longitude: location.longitude,
      label: `${location.address} — ${location.administrativeArea}`,
      kind: 'project' as const,
    })),
    ...photos,
  ];
  const outlines = locations.flatMap((location) =>
    location.outline?.length
      ? [{ id: location.id, points: location.outline.map(({ lng, lat }) => ({ lng, lat })) }]
      : [],
  );
  const edits = header.viewerCanEdit || header.viewerCanEditTechnical;
  return (
    <Stack gap="lg">
      <ErrorAlert message={error} />
      <section aria-labelledby="peta-lokasi">
        <Title order={2} size="h3" id="peta-lokasi" mb="xs">
          {t('mapTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('mapLead')}
        </Text>
        <ProjectMap points={points} outlines={outlines} height={420} />
      </section>
      {edits && project ? (
        <Paper withBorder p="md" component="section" aria-labelledby="ubah-lokasi">
          <Title order={2} size="h3" id="ubah-lokasi" mb={4}>
            {t('editTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('editLead')}
          </Text>
          <LocationsEditor projectId={header.id} locations={locations} />
        </Paper>
      ) : null}
    </Stack>
  );
}
