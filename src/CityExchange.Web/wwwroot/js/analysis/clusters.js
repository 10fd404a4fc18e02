// Clusters page: the clusters' domain profile (the dendrogram is SVG rendered by the server).
import { readJson } from '../shared/charts.js';
import { groupedBars } from './common.js';

groupedBars(readJson('cluster-profile-data'));
